<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AttachmentsSection</name>
    <message>
        <source>File name</source>
        <extracomment>emitted after the list was refreshed from the vault. ``object`` (:class:`Preview`): after the viewer shows an attachment. ``object`` (row dict): after an export choice or boxes were stored. ``str``: a user-facing message of a failed operation.</extracomment>
        <translation>파일 이름</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Added (UTC)</source>
        <translation>추가 일시 (UTC)</translation>
    </message>
    <message>
        <source>In exports</source>
        <translation>내보내기 포함</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>첨부…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Include in exports (a copy without metadata)</source>
        <translation>내보내기에 포함 (메타데이터 없는 사본)</translation>
    </message>
    <message>
        <source>Clear boxes</source>
        <translation>가림 상자 지우기</translation>
    </message>
    <message>
        <source>Drag on the image to black out a face, a name or a place; the boxes are painted black in every export.</source>
        <translation>이미지 위를 끌어서 얼굴, 이름, 장소를 가리십시오. 상자는 모든 내보내기에서 검게 칠해집니다.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>불가</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>yes, %1 boxes</source>
        <translation>예, 상자 %1개</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>Attach a file to this case</source>
        <translation>이 사례에 파일 첨부</translation>
    </message>
    <message>
        <source>Encrypting into the vault…</source>
        <translation>보관함에 암호화하여 저장하는 중…</translation>
    </message>
    <message>
        <source>Attached (%1).</source>
        <translation>첨부했습니다 (%1).</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>첨부 파일 삭제</translation>
    </message>
    <message>
        <source>Remove this attachment from the vault? This cannot be undone.</source>
        <translation>이 첨부 파일을 보관함에서 삭제하시겠습니까? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>삭제했습니다.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>여는 중…</translation>
    </message>
    <message>
        <source>Choose an attachment to view it.</source>
        <translation>볼 첨부 파일을 선택하십시오.</translation>
    </message>
    <message>
        <source>Not previewable: %1, %2.</source>
        <translation>미리 볼 수 없음: %1, %2.</translation>
    </message>
    <message>
        <source>The file could not be decoded.</source>
        <translation>파일을 해독할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Attachments</source>
        <translation>첨부 파일</translation>
    </message>
    <message>
        <source>Case pseudonym</source>
        <extracomment>``int``: the case id, after any change reached the vault. ``list[int]``: case ids the user wants to export (from the review tab). ``object`` (:class:`ops.Snapshot`): a fresh view of the case after loading or an edit. ``str``: a user-facing message of an edit that was refused or failed.</extracomment>
        <translation>사건 가명</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>면담</translation>
    </message>
    <message>
        <source>Identity (sealed)</source>
        <translation>신원 (봉인)</translation>
    </message>
    <message>
        <source>Relatives and terms</source>
        <translation>가족과 민감 용어</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>파견</translation>
    </message>
    <message>
        <source>ILO indicators</source>
        <translation>ILO 지표</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>Redaction review</source>
        <translation>가림 처리 검토</translation>
    </message>
    <message>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>1 interview</source>
        <translation>면담 1건</translation>
    </message>
    <message>
        <source>%1 interviews</source>
        <translation>면담 %1건</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Unsaved typing…</source>
        <translation>저장되지 않은 입력…</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>%1에 저장됨</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <source>Search narratives, places, employers (English or Korean)</source>
        <extracomment>``int``: a case was opened (double-click or Enter) -- its id. ``list``: the ids of the selected cases changed.</extracomment>
        <translation>진술, 장소, 고용주 검색 (영어 또는 한국어)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>from</source>
        <translation>부터</translation>
    </message>
    <message>
        <source>to</source>
        <translation>까지</translation>
    </message>
    <message>
        <source>Year (YYYY) or month (YYYY-MM)</source>
        <translation>연도(YYYY) 또는 월(YYYY-MM)</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>모든 국가</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>모든 업종</translation>
    </message>
    <message>
        <source>All indicators</source>
        <translation>모든 지표</translation>
    </message>
    <message>
        <source>Any consent target</source>
        <translation>모든 제출 대상</translation>
    </message>
    <message>
        <source>Not a year (YYYY) or month (YYYY-MM): this filter is not applied.</source>
        <translation>연도(YYYY)나 월(YYYY-MM)이 아닙니다: 이 필터는 적용되지 않습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>검색 결과 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>사례 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>국가</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>업종</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Consent to share with</source>
        <translation>공유 동의 대상</translation>
    </message>
    <message>
        <source>Last edited</source>
        <translation>최종 수정</translation>
    </message>
    <message>
        <source>SR slavery</source>
        <translation>노예제 특별보고관</translation>
    </message>
    <message>
        <source>SR DPRK</source>
        <translation>북한인권 특별보고관</translation>
    </message>
    <message>
        <source>OHCHR Seoul</source>
        <translation>OHCHR 서울</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>제재 감시</translation>
    </message>
    <message>
        <source>Public report</source>
        <translation>공개 보고서</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>동의 철회됨</translation>
    </message>
</context>
<context>
    <name>CaseTabs</name>
    <message>
        <source>Open a case from the list (double-click), or create one with File → New case.</source>
        <extracomment>``bool``: whether any case is open now (the window gives the editors more room then). no payload: a tab was opened, shown or closed (the window title follows the current one). ``int``: an editor saved its case (the case id). ``list``: an editor asked to export these case ids.</extracomment>
        <translation>목록에서 사례를 여십시오(두 번 클릭). 또는 파일 → 새 사례로 만드십시오.</translation>
    </message>
    <message>
        <source>The case editor is not available in this build.</source>
        <translation>이 빌드에서는 사례 편집기를 사용할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <source>G2 · share an anonymised packet with…</source>
        <translation>G2 · 익명 처리된 패킷 공유 대상…</translation>
    </message>
    <message>
        <source>Communications go to the governments concerned (the DPRK included).</source>
        <translation>서한은 관련 정부(북한 포함)에 전달됩니다.</translation>
    </message>
    <message>
        <source>G3 · OHCHR may know the identity in confidence</source>
        <translation>G3 · OHCHR이 신원을 비공개로 알 수 있음</translation>
    </message>
    <message>
        <source>G4 · identity may appear in a letter to a government</source>
        <translation>G4 · 정부에 보내는 서한에 신원 기재 가능</translation>
    </message>
    <message>
        <source>The DPRK and the host state receive such letters.</source>
        <translation>북한과 체류국 정부가 이 서한을 받습니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>initials</source>
        <translation>이니셜</translation>
    </message>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>묻지 않음</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>G5 · public attribution</source>
        <translation>G5 · 공개 표기</translation>
    </message>
    <message>
        <source>G6 · follow-up contact allowed</source>
        <translation>G6 · 후속 연락 허용</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>동의 일자</translation>
    </message>
    <message>
        <source>Consent form version</source>
        <translation>동의서 버전</translation>
    </message>
    <message>
        <source>Language of the form</source>
        <translation>동의서 언어</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>동의 철회</translation>
    </message>
    <message>
        <source>Record withdrawal</source>
        <translation>철회 기록</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>철회 일자</translation>
    </message>
    <message>
        <source>Consent was withdrawn on %1. This case can never be exported again.</source>
        <translation>%1에 동의가 철회되었습니다. 이 사건은 다시는 내보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>If the witness withdraws consent, record the date: every later export of this case is blocked.</source>
        <translation>증언자가 동의를 철회하면 날짜를 기록하십시오. 이후 이 사건의 모든 내보내기가 차단됩니다.</translation>
    </message>
    <message>
        <source>Identity in letters to governments</source>
        <translation>정부 서한에 신원 기재</translation>
    </message>
    <message>
        <source>Special-procedures letters go to the governments concerned, the DPRK and the host state included. Record that the witness agreed to this?</source>
        <translation>특별절차 서한은 북한과 체류국을 포함한 관련 정부에 전달됩니다. 증언자가 이에 동의했다고 기록하시겠습니까?</translation>
    </message>
    <message>
        <source>After this, the case can no longer be exported to anyone. Continue?</source>
        <translation>이후 이 사건은 누구에게도 내보낼 수 없습니다. 계속하시겠습니까?</translation>
    </message>
</context>
<context>
    <name>CreateVaultWizard</name>
    <message>
        <source>New vault</source>
        <extracomment>no payload: the vault exists and is open on the worker.</extracomment>
        <translation>새 보관소</translation>
    </message>
</context>
<context>
    <name>DbWorker</name>
    <message>
        <source>Something unexpected went wrong; the details were logged without case content.</source>
        <translation>예기치 않은 문제가 발생했습니다. 사례 내용 없이 세부 정보가 로그에 기록되었습니다.</translation>
    </message>
</context>
<context>
    <name>DeploymentsSection</name>
    <message>
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>국가</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>업종</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Wages withheld</source>
        <translation>임금 공제율</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>the worker</source>
        <translation>본인</translation>
    </message>
    <message>
        <source>a minder</source>
        <translation>감시원(지도원)</translation>
    </message>
    <message>
        <source>the company</source>
        <translation>회사</translation>
    </message>
    <message>
        <source>the DPRK embassy</source>
        <translation>북한 대사관</translation>
    </message>
    <message>
        <source>the dispatching entity</source>
        <translation>파견 기관</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>escaped</source>
        <translation>탈출</translation>
    </message>
    <message>
        <source>end of contract</source>
        <translation>계약 만료</translation>
    </message>
    <message>
        <source>recalled</source>
        <translation>소환</translation>
    </message>
    <message>
        <source>injury</source>
        <translation>부상</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>지역</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>작업장</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>고용주</translation>
    </message>
    <message>
        <source>Dispatching entity</source>
        <translation>파견 기관</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Wage promised</source>
        <translation>약속된 임금</translation>
    </message>
    <message>
        <source>Wage received</source>
        <translation>실제 받은 임금</translation>
    </message>
    <message>
        <source>Share withheld</source>
        <translation>공제된 비율</translation>
    </message>
    <message>
        <source>Hours per day</source>
        <translation>하루 노동 시간</translation>
    </message>
    <message>
        <source>Rest days per month</source>
        <translation>월 휴일 수</translation>
    </message>
    <message>
        <source>Passport held by</source>
        <translation>여권 보관자</translation>
    </message>
    <message>
        <source>How they left</source>
        <translation>귀국·이탈 경위</translation>
    </message>
    <message>
        <source>Add deployment</source>
        <translation>파견 추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>needs both wages in the same currency and period</source>
        <translation>두 임금의 통화와 기간이 같아야 합니다</translation>
    </message>
</context>
<context>
    <name>ErrorDetails</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(file)</source>
        <translation>(파일)</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>사례 %1</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>문자열이어야 합니다</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>%1자를 넘습니다</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>expected YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY, YYYY-MM 또는 YYYY-MM-DD 형식이어야 합니다</translation>
    </message>
    <message>
        <source>expected YYYY, YYYY-MM or YYYY-MM-DD (not a real date)</source>
        <translation>YYYY, YYYY-MM 또는 YYYY-MM-DD 형식이어야 합니다 (실제로 없는 날짜입니다)</translation>
    </message>
    <message>
        <source>expected %1: one of %2</source>
        <translation>%1: %2 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>a wage period</source>
        <translation>임금 기간</translation>
    </message>
    <message>
        <source>a sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <source>a sector code</source>
        <translation>업종 코드</translation>
    </message>
    <message>
        <source>how they left</source>
        <translation>떠난 방식</translation>
    </message>
    <message>
        <source>an ILO indicator code</source>
        <translation>ILO 지표 코드</translation>
    </message>
    <message>
        <source>a submission target</source>
        <translation>제출 수신처</translation>
    </message>
    <message>
        <source>an attribution</source>
        <translation>공개 표기 방식</translation>
    </message>
    <message>
        <source>expected an ISO 3166-1 alpha-3 country code such as RUS</source>
        <translation>RUS 같은 ISO 3166-1 alpha-3 국가 코드여야 합니다</translation>
    </message>
    <message>
        <source>expected a lower-case code such as work_unit</source>
        <translation>work_unit 같은 소문자 코드여야 합니다</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>목록이어야 합니다</translation>
    </message>
    <message>
        <source>more than %1 entries</source>
        <translation>항목이 %1개를 넘습니다</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>알 수 없는 키입니다</translation>
    </message>
    <message>
        <source>required</source>
        <translation>필수 항목입니다</translation>
    </message>
    <message>
        <source>required (name or name_ko)</source>
        <translation>필수 항목입니다 (name 또는 name_ko)</translation>
    </message>
    <message>
        <source>at least one interview with a narrative is required</source>
        <translation>진술이 있는 면담이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>is before start</source>
        <translation>시작 날짜보다 이릅니다</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>%1이어야 합니다</translation>
    </message>
    <message>
        <source>the file holds no cases</source>
        <translation>파일에 사례가 없습니다</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>파일이 없습니다</translation>
    </message>
    <message>
        <source>is a folder, not a case file</source>
        <translation>사례 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>cannot be read (permission denied)</source>
        <translation>읽을 수 없습니다 (권한 없음)</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>is not valid JSON (line %1, column %2)</source>
        <translation>올바른 JSON이 아닙니다 (%1행 %2열)</translation>
    </message>
    <message>
        <source>is nested too deeply</source>
        <translation>너무 깊이 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>is not a known text field</source>
        <translation>알려진 텍스트 항목이 아닙니다</translation>
    </message>
    <message>
        <source>is not a field with versions</source>
        <translation>버전이 기록되는 항목이 아닙니다</translation>
    </message>
    <message>
        <source>is not a field that can be edited</source>
        <translation>편집할 수 있는 항목이 아닙니다</translation>
    </message>
    <message>
        <source>expected one of %1</source>
        <translation>다음 중 하나여야 합니다: %1</translation>
    </message>
    <message>
        <source>expected an ILO indicator code</source>
        <translation>ILO 지표 코드여야 합니다</translation>
    </message>
    <message>
        <source>required (a name in either script)</source>
        <translation>필수 항목입니다 (로마자나 한글 중 한 가지로 된 이름)</translation>
    </message>
    <message>
        <source>required (wife, son, mother...)</source>
        <translation>필수 항목입니다 (아내, 아들, 어머니...)</translation>
    </message>
    <message>
        <source>required (in either script)</source>
        <translation>필수 항목입니다 (로마자나 한글 중 한 가지로)</translation>
    </message>
    <message>
        <source>record a withdrawal with its own action</source>
        <translation>동의 철회는 철회 기록 기능으로 따로 기록하십시오</translation>
    </message>
    <message>
        <source>required (the date of the withdrawal)</source>
        <translation>필수 항목입니다 (철회 일자)</translation>
    </message>
    <message>
        <source>expected true, false or unknown</source>
        <translation>예, 아니요 또는 알 수 없음 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>Case %1 has no %2 %3.</source>
        <translation>사례 %1에는 %2 %3이(가) 없습니다.</translation>
    </message>
    <message>
        <source>deployment</source>
        <translation>파견</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>면담</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>가족</translation>
    </message>
    <message>
        <source>sensitive term</source>
        <translation>민감 용어</translation>
    </message>
    <message>
        <source>No case %1 in this vault (see `nkcase list`).</source>
        <translation>이 보관소에 사례 %1이(가) 없습니다 (`nkcase list` 참조).</translation>
    </message>
    <message>
        <source>Case %1 has no interview %2.</source>
        <translation>사례 %1에는 면담 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <source>There is no case %1.</source>
        <translation>사례 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>This vault has no organisation signing key.</source>
        <translation>이 보관소에는 단체 서명 키가 없습니다.</translation>
    </message>
    <message>
        <source>Give the organisation&apos;s name: it signs every packet.</source>
        <translation>단체 이름을 입력하십시오. 모든 패킷의 서명에 사용됩니다.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong; nothing was changed.</source>
        <translation>현재 암호 문구가 틀렸습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>That is the duress passphrase; choose another. Nothing was changed.</source>
        <translation>그것은 강압용 암호 문구입니다. 다른 것을 고르십시오. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>The disk is full: free space on %1 and try again. Nothing was changed.</source>
        <translation>디스크가 가득 찼습니다. %1에서 공간을 확보한 뒤 다시 시도하십시오. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>The disk is full: free space and try again. Nothing was changed.</source>
        <translation>디스크가 가득 찼습니다. 공간을 확보한 뒤 다시 시도하십시오. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Attachment %1 is larger than %2 megapixels; it cannot be exported.</source>
        <translation>첨부 파일 %1은(는) %2메가픽셀보다 커서 내보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Attachment %1 is larger than %2 megapixels (only JPEG photos may be larger); it cannot be exported.</source>
        <translation>첨부 파일 %1은(는) %2메가픽셀보다 커서 내보낼 수 없습니다(JPEG 사진만 더 클 수 있습니다).</translation>
    </message>
    <message>
        <source>This vault is on read-only media (%1): it can be read and searched, but not changed, and exports are refused too (each is recorded in the vault). Copy the vault folder to a writable disk to change or export from it. Nothing was changed.</source>
        <translation>이 보관소는 읽기 전용 매체(%1)에 있습니다. 읽고 검색할 수는 있지만 바꿀 수는 없으며, 내보내기도 거부됩니다(내보낼 때마다 보관소에 기록되기 때문입니다). 바꾸거나 내보내려면 보관소 폴더를 쓰기 가능한 디스크로 복사하십시오. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>That passphrase already opens this vault; a duress passphrase must be different. Nothing was changed.</source>
        <translation>그 암호 문구로는 이미 이 보관소가 열립니다. 강압용 암호 문구는 달라야 합니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>There is no key slot %1 (see `nkcase slots list`).</source>
        <translation>키 슬롯 %1이(가) 없습니다 (`nkcase slots list` 참조).</translation>
    </message>
    <message>
        <source>The recovery slot cannot be removed; use `nkcase recovery-key regenerate` to replace the recovery key.</source>
        <translation>복구 키 슬롯은 삭제할 수 없습니다. 복구 키를 바꾸려면 `nkcase recovery-key regenerate`를 사용하십시오.</translation>
    </message>
    <message>
        <source>This is the last passphrase of the vault; add another before removing it. Nothing was changed.</source>
        <translation>보관소의 마지막 암호 문구입니다. 삭제하기 전에 다른 암호 문구를 추가하십시오. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 already holds a vault (or other files); nothing was restored. Choose another folder, or pass --force to replace it.</source>
        <translation>%1에 이미 보관소(또는 다른 파일)가 있어 아무것도 복원하지 않았습니다. 다른 폴더를 고르거나, 덮어쓰려면 --force를 지정하십시오.</translation>
    </message>
    <message>
        <source>%1 already holds a vault; nothing was restored.</source>
        <translation>%1에 이미 보관소가 있어 아무것도 복원하지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder; nothing was restored.</source>
        <translation>%1은(는) 폴더가 아니라 파일이므로 아무것도 복원하지 않았습니다.</translation>
    </message>
    <message>
        <source>There is no backup file %1.</source>
        <translation>백업 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a backup file.</source>
        <translation>%1은(는) 백업 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this vault.</source>
        <translation>암호 문구가 틀렸습니다: 이 보관소를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Wrong recovery key: it does not open this vault.</source>
        <translation>복구 키가 틀렸습니다: 이 보관소를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this backup.</source>
        <translation>암호 문구가 틀렸습니다: 이 백업을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>The vault in %1 is open in another program or window. Close or lock it there, then try again; nothing was changed.</source>
        <translation>%1의 보관소가 다른 프로그램이나 창에서 열려 있습니다. 그곳에서 닫거나 잠근 뒤 다시 시도하십시오. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>A vault already exists in %1; nothing was changed.</source>
        <translation>%1에 이미 보관소가 있습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>There is no vault in %1. Create one with `nkcase init` (or pass --vault DIR to use another folder).</source>
        <translation>%1에 보관소가 없습니다. `nkcase init`으로 만드십시오 (다른 폴더를 쓰려면 --vault DIR을 지정하십시오).</translation>
    </message>
    <message>
        <source>The key file (keys.json) is damaged: it cannot be read. Restore it from a backup; the vault cannot be opened without it.</source>
        <translation>키 파일(keys.json)이 손상되어 읽을 수 없습니다. 백업에서 복원하십시오. 키 파일 없이는 보관소를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>The key file uses an unknown key derivation (%1).</source>
        <translation>키 파일이 알 수 없는 키 유도 방식(%1)을 사용합니다.</translation>
    </message>
    <message>
        <source>The key file has format %1, which this version of nkcase does not know. Upgrade nkcase.</source>
        <translation>키 파일의 형식 %1은(는) 이 버전의 nkcase가 알지 못하는 형식입니다. nkcase를 업그레이드하십시오.</translation>
    </message>
    <message>
        <source>The key file is missing from %1: the vault cannot be opened without it. Restore it from a backup.</source>
        <translation>%1에 키 파일이 없습니다: 키 파일 없이는 보관소를 열 수 없습니다. 백업에서 복원하십시오.</translation>
    </message>
    <message>
        <source>The vault database in %1 is damaged: some of its pages fail their integrity check. Nothing was changed. Restore the vault from a backup, or run `nkcase check` for details.</source>
        <translation>%1의 보관소 데이터베이스가 손상되었습니다: 일부 페이지가 무결성 검사를 통과하지 못했습니다. 아무것도 바뀌지 않았습니다. 백업에서 보관소를 복원하거나, 자세한 내용은 `nkcase check`를 실행해 확인하십시오.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of nkcase. Upgrade nkcase to open it.</source>
        <translation>이 보관소는 더 새로운 버전의 nkcase로 만들어졌습니다. 열려면 nkcase를 업그레이드하십시오.</translation>
    </message>
    <message>
        <source>This backup is damaged or is not an nkcase backup (%1). Nothing was restored; use another copy of the backup.</source>
        <translation>이 백업은 손상되었거나 nkcase 백업이 아닙니다 (%1). 아무것도 복원하지 않았습니다. 백업의 다른 사본을 사용하십시오.</translation>
    </message>
    <message>
        <source>This backup has format %1, which this version of nkcase does not know. Upgrade nkcase to restore it.</source>
        <translation>이 백업의 형식 %1은(는) 이 버전의 nkcase가 알지 못하는 형식입니다. 복원하려면 nkcase를 업그레이드하십시오.</translation>
    </message>
    <message>
        <source>it does not start like one</source>
        <translation>백업 파일의 시작 부분이 아닙니다</translation>
    </message>
    <message>
        <source>it ends early, in the %1</source>
        <translation>%1 부분에서 파일이 끝나 버립니다</translation>
    </message>
    <message>
        <source>header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>레코드 %1</translation>
    </message>
    <message>
        <source>its header has an impossible length</source>
        <translation>헤더 길이가 있을 수 없는 값입니다</translation>
    </message>
    <message>
        <source>its header cannot be read</source>
        <translation>헤더를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>its header is incomplete</source>
        <translation>헤더가 불완전합니다</translation>
    </message>
    <message>
        <source>the key slots inside it are damaged</source>
        <translation>안에 든 키 슬롯이 손상되었습니다</translation>
    </message>
    <message>
        <source>its key slots belong to another vault</source>
        <translation>키 슬롯이 다른 보관소의 것입니다</translation>
    </message>
    <message>
        <source>it ends early: the file was cut short</source>
        <translation>파일이 중간에 끝납니다: 파일이 잘렸습니다</translation>
    </message>
    <message>
        <source>record %1 has an impossible type or length</source>
        <translation>레코드 %1의 종류나 길이가 있을 수 없는 값입니다</translation>
    </message>
    <message>
        <source>record %1 fails its authentication check</source>
        <translation>레코드 %1이(가) 인증 검사를 통과하지 못했습니다</translation>
    </message>
    <message>
        <source>there are extra bytes after its end</source>
        <translation>끝부분 뒤에 남는 바이트가 있습니다</translation>
    </message>
    <message>
        <source>its contents do not match its summary</source>
        <translation>내용이 요약 정보와 맞지 않습니다</translation>
    </message>
    <message>
        <source>the database inside it fails its integrity check</source>
        <translation>안에 든 데이터베이스가 무결성 검사를 통과하지 못했습니다</translation>
    </message>
    <message>
        <source>the database inside it cannot be read</source>
        <translation>안에 든 데이터베이스를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Attachment %1 is damaged (%2); its content cannot be trusted. Restore the vault from a backup.</source>
        <translation>첨부 파일 %1이(가) 손상되었습니다 (%2). 내용을 신뢰할 수 없습니다. 백업에서 보관소를 복원하십시오.</translation>
    </message>
    <message>
        <source>chunk %1 cannot be read</source>
        <translation>조각 %1을(를) 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>chunk %1 is missing</source>
        <translation>조각 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>chunk %1 fails its checksum</source>
        <translation>조각 %1이(가) 체크섬 검사를 통과하지 못했습니다</translation>
    </message>
    <message>
        <source>its length differs from the recorded one</source>
        <translation>길이가 기록된 길이와 다릅니다</translation>
    </message>
    <message>
        <source>the file fails its checksum</source>
        <translation>파일이 체크섬 검사를 통과하지 못했습니다</translation>
    </message>
    <message>
        <source>No attachment %1 in this vault.</source>
        <translation>이 보관소에 첨부 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Attachment %1 is too large to open in memory (%2 MiB); save it instead.</source>
        <translation>첨부 파일 %1은(는) 메모리에서 열기에는 너무 큽니다 (%2 MiB). 대신 파일로 저장하십시오.</translation>
    </message>
    <message>
        <source>The vault database is damaged: the pages holding this attachment fail their integrity check. Restore the vault from a backup.</source>
        <translation>보관소 데이터베이스가 손상되었습니다: 이 첨부 파일이 든 페이지가 무결성 검사를 통과하지 못했습니다. 백업에서 보관소를 복원하십시오.</translation>
    </message>
    <message>
        <source>Only images can go into an export (as redacted copies without metadata); recordings and documents stay in the vault.</source>
        <translation>내보내기에는 이미지만 넣을 수 있습니다 (메타데이터 없이 가림 처리된 사본으로). 녹음과 문서는 보관소에 남습니다.</translation>
    </message>
    <message>
        <source>Attachment %1 is not marked for export; a reviewer must include it explicitly.</source>
        <translation>첨부 파일 %1은(는) 내보내기 대상으로 표시되지 않았습니다. 검토자가 직접 포함시켜야 합니다.</translation>
    </message>
    <message>
        <source>Attachment %1 is not an image nkcase can re-encode; it cannot be exported.</source>
        <translation>첨부 파일 %1은(는) nkcase가 다시 인코딩할 수 있는 이미지가 아니므로 내보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>The vault is locked; unlock it first.</source>
        <translation>보관소가 잠겨 있습니다. 먼저 잠금을 해제하십시오.</translation>
    </message>
    <message>
        <source>This passphrase is too short: use at least %1 characters; four or more unrelated words are easy to remember and hard to guess.</source>
        <translation>이 암호 문구는 너무 짧습니다: %1자 이상을 사용하십시오. 서로 관련 없는 단어 네 개 이상은 기억하기 쉽고 추측하기 어렵습니다.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess: %1. Add more unrelated words or characters.</source>
        <translation>이 암호 문구는 너무 추측하기 쉽습니다: %1. 서로 관련 없는 단어나 문자를 더 넣으십시오.</translation>
    </message>
    <message>
        <source>It would be guessed quickly by an attacker with the laptop</source>
        <translation>노트북을 손에 넣은 공격자가 금방 알아낼 수 있습니다</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess</source>
        <translation>키보드의 한 줄을 그대로 누른 것은 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess</source>
        <translation>짧은 키보드 패턴은 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess</source>
        <translation>&quot;aaa&quot; 같은 반복은 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;</source>
        <translation>&quot;abcabcabc&quot; 같은 반복은 &quot;abc&quot;보다 조금 더 추측하기 어려울 뿐입니다</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess</source>
        <translation>&quot;abc&quot;나 &quot;6543&quot; 같은 연속된 문자는 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>Recent years are easy to guess</source>
        <translation>최근 연도는 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>Dates are often easy to guess</source>
        <translation>날짜는 대개 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>This is a top-10 common password</source>
        <translation>가장 흔한 암호 10개 중 하나입니다</translation>
    </message>
    <message>
        <source>This is a top-100 common password</source>
        <translation>가장 흔한 암호 100개 중 하나입니다</translation>
    </message>
    <message>
        <source>This is a very common password</source>
        <translation>매우 흔한 암호입니다</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password</source>
        <translation>흔히 쓰는 암호와 비슷합니다</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess</source>
        <translation>단어 하나만으로는 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess</source>
        <translation>이름이나 성만으로는 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess</source>
        <translation>흔한 이름과 성은 추측하기 쉽습니다</translation>
    </message>
    <message>
        <source>unknown target %1 (one of: %2)</source>
        <translation>알 수 없는 수신처 %1 (가능한 값: %2)</translation>
    </message>
    <message>
        <source>%1: consent was withdrawn on %2; this case can no longer be exported</source>
        <translation>%1: %2에 동의가 철회되었습니다. 이 사례는 더 이상 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>%1: consent gate G0 (interview and recording) is missing</source>
        <translation>%1: 동의 항목 G0(면담 및 녹음)이 없습니다</translation>
    </message>
    <message>
        <source>%1: consent gate G1 (storage and internal use) is missing</source>
        <translation>%1: 동의 항목 G1(보관 및 내부 사용)이 없습니다</translation>
    </message>
    <message>
        <source>%1: consent gate G2 for target %2 (share an anonymised packet) is missing</source>
        <translation>%1: 수신처 %2에 대한 동의 항목 G2(익명 처리된 패킷 공유)가 없습니다</translation>
    </message>
    <message>
        <source>%1: this packet carries the witness&apos;s identity for OHCHR (consent G3), so it never uses the case&apos;s stable pseudonym; export it without linking pseudonyms.</source>
        <translation>%1: 이 패킷은 증인의 신원을 OHCHR에 전달하므로(동의 G3) 사례의 고정 가명을 쓰지 않습니다. 가명 연결 없이 내보내십시오.</translation>
    </message>
    <message>
        <source>No packet of this vault names a case %1.</source>
        <translation>이 보관소의 어떤 패킷에도 %1(이)라는 사례가 없습니다.</translation>
    </message>
    <message>
        <source>%1: %2 redaction suggestion%3 still unreviewed (%4); review %5 before exporting.</source>
        <translation>%1: 아직 검토하지 않은 가림 처리 제안이 %2건 있습니다 (%4). 내보내기 전에 검토하십시오.</translation>
    </message>
    <message>
        <source>The packet file name must end in .zip</source>
        <translation>패킷 파일 이름은 .zip으로 끝나야 합니다</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>%1 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Name at least one case with --case.</source>
        <translation>--case로 사례를 하나 이상 지정하십시오.</translation>
    </message>
    <message>
        <source>A pattern submission needs at least two cases.</source>
        <translation>패턴 제출에는 사례가 두 건 이상 필요합니다.</translation>
    </message>
    <message>
        <source>Case %1 is named twice.</source>
        <translation>사례 %1이(가) 두 번 지정되었습니다.</translation>
    </message>
    <message>
        <source>No case to export.</source>
        <translation>내보낼 사례가 없습니다.</translation>
    </message>
    <message>
        <source>%1: the leak check found a registered %2 in %3; nothing was written. Review the redactions of this case and export again.</source>
        <translation>%1: 유출 검사에서 %3에 등록된 %2이(가) 발견되어 아무것도 저장하지 않았습니다. 이 사례의 가림 처리를 검토한 뒤 다시 내보내십시오.</translation>
    </message>
    <message>
        <source>%1: the leak check found a registered %2 in %3, a field of the case that review does not redact; nothing was written. Edit that field of the case and export again.</source>
        <translation>%1: 유출 검사에서 사례의 항목인 %3에 등록된 %2이(가) 발견되어 아무것도 저장하지 않았습니다. 이 항목은 가림 검토로 가려지지 않습니다. 사례에서 그 항목을 고친 뒤 다시 내보내십시오.</translation>
    </message>
    <message>
        <source>witness name</source>
        <translation>증언자 이름</translation>
    </message>
    <message>
        <source>relative name</source>
        <translation>가족 이름</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>dob</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>hometown</source>
        <translation>고향</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>case ref</source>
        <translation>사례 참조 번호</translation>
    </message>
    <message>
        <source>relative location</source>
        <translation>가족 거주지</translation>
    </message>
    <message>
        <source>relative detail</source>
        <translation>신원 식별 정보</translation>
    </message>
    <message>
        <source>interview place</source>
        <translation>면담 장소</translation>
    </message>
    <message>
        <source>interviewer</source>
        <translation>면담자</translation>
    </message>
    <message>
        <source>passport</source>
        <translation>여권 번호</translation>
    </message>
    <message>
        <source>id number</source>
        <translation>신분증 번호</translation>
    </message>
    <message>
        <source>email</source>
        <translation>전자우편 주소</translation>
    </message>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>민감 용어</translation>
    </message>
    <message>
        <source>work unit</source>
        <translation>작업 단위</translation>
    </message>
    <message>
        <source>village</source>
        <translation>마을</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>고용주</translation>
    </message>
    <message>
        <source>event</source>
        <translation>사건</translation>
    </message>
    <message>
        <source>place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>조직</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>bad signature: the signing key is not an Ed25519 key</source>
        <translation>잘못된 서명: 서명 키가 Ed25519 키가 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: the signing key has the wrong length</source>
        <translation>잘못된 서명: 서명 키의 길이가 틀립니다</translation>
    </message>
    <message>
        <source>signer.pub is not an OpenSSH Ed25519 public key</source>
        <translation>signer.pub이 OpenSSH Ed25519 공개 키가 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: not an armored SSH signature</source>
        <translation>잘못된 서명: 아머 형식의 SSH 서명이 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: not an SSHSIG signature</source>
        <translation>잘못된 서명: SSHSIG 서명이 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: unsupported SSHSIG version</source>
        <translation>잘못된 서명: 지원하지 않는 SSHSIG 버전입니다</translation>
    </message>
    <message>
        <source>bad signature: namespace is not %1</source>
        <translation>잘못된 서명: 네임스페이스가 %1이(가) 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: unsupported hash algorithm</source>
        <translation>잘못된 서명: 지원하지 않는 해시 알고리즘입니다</translation>
    </message>
    <message>
        <source>bad signature: not an Ed25519 signature</source>
        <translation>잘못된 서명: Ed25519 서명이 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: the signature is truncated</source>
        <translation>잘못된 서명: 서명이 잘려 있습니다</translation>
    </message>
    <message>
        <source>bad signature: trailing bytes after the signature</source>
        <translation>잘못된 서명: 서명 뒤에 남는 바이트가 있습니다</translation>
    </message>
    <message>
        <source>bad signature: the signature is not valid base64</source>
        <translation>잘못된 서명: 서명이 올바른 base64가 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: SHA256SUMS.sig does not match SHA256SUMS</source>
        <translation>잘못된 서명: SHA256SUMS.sig가 SHA256SUMS와 맞지 않습니다</translation>
    </message>
    <message>
        <source>bad signature: signer.pub is not an OpenSSH public key</source>
        <translation>잘못된 서명: signer.pub이 OpenSSH 공개 키가 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: SHA256SUMS.sig is not an armored SSH signature</source>
        <translation>잘못된 서명: SHA256SUMS.sig가 아머 형식의 SSH 서명이 아닙니다</translation>
    </message>
    <message>
        <source>bad signature: SHA256SUMS.sig was made by a key other than signer.pub</source>
        <translation>잘못된 서명: SHA256SUMS.sig는 signer.pub이 아닌 다른 키로 만들어졌습니다</translation>
    </message>
    <message>
        <source>no such file: %1</source>
        <translation>파일이 없습니다: %1</translation>
    </message>
    <message>
        <source>not a ZIP file (or a damaged one)</source>
        <translation>ZIP 파일이 아니거나 손상된 ZIP 파일입니다</translation>
    </message>
    <message>
        <source>malformed packet: too many entries in the ZIP</source>
        <translation>잘못된 패킷: ZIP 안의 항목이 너무 많습니다</translation>
    </message>
    <message>
        <source>malformed packet: duplicate entry %1 in the ZIP</source>
        <translation>잘못된 패킷: ZIP 안에 항목 %1이(가) 중복되어 있습니다</translation>
    </message>
    <message>
        <source>malformed packet: unsafe entry name %1</source>
        <translation>잘못된 패킷: 안전하지 않은 항목 이름 %1</translation>
    </message>
    <message>
        <source>malformed packet: %1 is not a regular file</source>
        <translation>잘못된 패킷: %1은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>malformed packet: %1 is encrypted in the ZIP</source>
        <translation>잘못된 패킷: %1이(가) ZIP 안에서 암호화되어 있습니다</translation>
    </message>
    <message>
        <source>malformed packet: the ZIP expands to more than a packet ever holds</source>
        <translation>잘못된 패킷: ZIP을 풀면 패킷이 담을 수 있는 양보다 커집니다</translation>
    </message>
    <message>
        <source>malformed packet: %1 is too large</source>
        <translation>잘못된 패킷: %1이(가) 너무 큽니다</translation>
    </message>
    <message>
        <source>malformed packet: %1 is compressed suspiciously well</source>
        <translation>잘못된 패킷: %1이(가) 의심스러울 만큼 잘 압축되어 있습니다</translation>
    </message>
    <message>
        <source>malformed packet: %1 is larger than declared</source>
        <translation>잘못된 패킷: %1이(가) 선언된 크기보다 큽니다</translation>
    </message>
    <message>
        <source>hash mismatch: %1 is damaged inside the ZIP</source>
        <translation>해시 불일치: %1이(가) ZIP 안에서 손상되었습니다</translation>
    </message>
    <message>
        <source>malformed manifest: manifest.json is not valid JSON</source>
        <translation>잘못된 매니페스트: manifest.json이 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>malformed manifest: manifest.json is not a JSON object</source>
        <translation>잘못된 매니페스트: manifest.json이 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>malformed manifest: format is not %1</source>
        <translation>잘못된 매니페스트: format이 %1이(가) 아닙니다</translation>
    </message>
    <message>
        <source>malformed manifest: %1 is missing or not a string</source>
        <translation>잘못된 매니페스트: %1이(가) 없거나 문자열이 아닙니다</translation>
    </message>
    <message>
        <source>malformed manifest: cases is missing or not a list</source>
        <translation>잘못된 매니페스트: cases가 없거나 목록이 아닙니다</translation>
    </message>
    <message>
        <source>malformed manifest: files is missing or empty</source>
        <translation>잘못된 매니페스트: files가 없거나 비어 있습니다</translation>
    </message>
    <message>
        <source>malformed manifest: files[%1] must have exactly path, sha256, size</source>
        <translation>잘못된 매니페스트: files[%1]에는 정확히 path, sha256, size만 있어야 합니다</translation>
    </message>
    <message>
        <source>malformed manifest: files[%1].path is not a safe file name</source>
        <translation>잘못된 매니페스트: files[%1].path가 안전한 파일 이름이 아닙니다</translation>
    </message>
    <message>
        <source>malformed manifest: files[%1] lists %2, which it cannot cover</source>
        <translation>잘못된 매니페스트: files[%1]에 포함될 수 없는 %2이(가) 들어 있습니다</translation>
    </message>
    <message>
        <source>malformed manifest: %1 is listed twice</source>
        <translation>잘못된 매니페스트: %1이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>malformed manifest: files[%1].sha256 is not a SHA-256 hex digest</source>
        <translation>잘못된 매니페스트: files[%1].sha256이 SHA-256 16진수 해시값이 아닙니다</translation>
    </message>
    <message>
        <source>malformed manifest: files[%1].size is not a size</source>
        <translation>잘못된 매니페스트: files[%1].size가 크기 값이 아닙니다</translation>
    </message>
    <message>
        <source>malformed packet: SHA256SUMS is not plain text</source>
        <translation>잘못된 패킷: SHA256SUMS가 일반 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>malformed packet: SHA256SUMS line %1 is not &apos;&lt;sha256&gt;  &lt;file&gt;&apos;</source>
        <translation>잘못된 패킷: SHA256SUMS의 %1번째 줄이 &apos;&lt;sha256&gt;  &lt;file&gt;&apos; 형식이 아닙니다</translation>
    </message>
    <message>
        <source>malformed packet: SHA256SUMS lists %1 twice</source>
        <translation>잘못된 패킷: SHA256SUMS에 %1이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>malformed packet: SHA256SUMS does not end with a newline</source>
        <translation>잘못된 패킷: SHA256SUMS가 줄바꿈으로 끝나지 않습니다</translation>
    </message>
    <message>
        <source>missing file: manifest.json</source>
        <translation>파일 없음: manifest.json</translation>
    </message>
    <message>
        <source>missing file: %1</source>
        <translation>파일 없음: %1</translation>
    </message>
    <message>
        <source>extra file: %1</source>
        <translation>불필요한 파일: %1</translation>
    </message>
    <message>
        <source>malformed manifest: %1 is not listed</source>
        <translation>잘못된 매니페스트: %1이(가) 목록에 없습니다</translation>
    </message>
    <message>
        <source>hash mismatch: %1</source>
        <translation>해시 불일치: %1</translation>
    </message>
    <message>
        <source>extra file: %1 is not in SHA256SUMS</source>
        <translation>불필요한 파일: %1이(가) SHA256SUMS에 없습니다</translation>
    </message>
    <message>
        <source>malformed packet: SHA256SUMS lists %1</source>
        <translation>잘못된 패킷: SHA256SUMS에 %1이(가) 들어 있습니다</translation>
    </message>
    <message>
        <source>missing file: %1 (listed in SHA256SUMS)</source>
        <translation>파일 없음: %1 (SHA256SUMS에는 나와 있음)</translation>
    </message>
    <message>
        <source>hash mismatch: %1 (SHA256SUMS)</source>
        <translation>해시 불일치: %1 (SHA256SUMS)</translation>
    </message>
    <message>
        <source>No passphrase given: use --passphrase-file F or set NKCASE_PASSPHRASE (there is no terminal to ask on).</source>
        <translation>암호 문구가 주어지지 않았습니다: --passphrase-file F를 사용하거나 NKCASE_PASSPHRASE를 설정하십시오 (물어볼 터미널이 없습니다).</translation>
    </message>
    <message>
        <source>The two entries differ; nothing was changed.</source>
        <translation>두 입력이 서로 다릅니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 exists; pass --force to replace it.</source>
        <translation>%1이(가) 이미 있습니다. 덮어쓰려면 --force를 지정하십시오.</translation>
    </message>
    <message>
        <source>Cannot read the passphrase file %1.</source>
        <translation>암호 문구 파일 %1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The new passphrase file %1 is empty (the passphrase is its first line); nothing was changed.</source>
        <translation>새 암호 문구 파일 %1이(가) 비어 있습니다(암호 문구는 파일의 첫 줄입니다). 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>The demo&apos;s fictional cases are missing from this installation.</source>
        <translation>이 설치본에는 체험용 가상 사례가 없습니다.</translation>
    </message>
    <message>
        <source>No pending suggestion has that text; see `nkcase review --list`.</source>
        <translation>그 텍스트의 미검토 제안이 없습니다. `nkcase review --list`를 참조하십시오.</translation>
    </message>
    <message>
        <source>The vault failed its check (%1 problems).</source>
        <translation>보관소 검사에서 문제가 발견되었습니다 (%1건).</translation>
    </message>
    <message>
        <source>Give the organisation&apos;s name with --organisation NAME.</source>
        <translation>--organisation NAME으로 단체 이름을 지정하십시오.</translation>
    </message>
    <message>
        <source>A blackout box is X,Y,WIDTH,HEIGHT in pixels: whole numbers, X and Y not negative, WIDTH and HEIGHT above zero.</source>
        <translation>가림 상자는 픽셀 단위의 X,Y,WIDTH,HEIGHT입니다. 정수여야 하며 X와 Y는 음수가 아니고 WIDTH와 HEIGHT는 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>At most %1 blackout boxes per image.</source>
        <translation>이미지 하나에 가림 상자는 최대 %1개까지입니다.</translation>
    </message>
    <message>
        <source>%1 is not a well-formed JPEG image; nothing was written.</source>
        <translation>%1은(는) 올바른 JPEG 이미지가 아니므로 아무것도 기록하지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 still carries a metadata segment; nothing was written.</source>
        <translation>%1에 아직 메타데이터 구역이 남아 있어 아무것도 기록하지 않았습니다.</translation>
    </message>
    <message>
        <source>Attachment %1 is not included in exports; include it before marking what to black out.</source>
        <translation>첨부 파일 %1은(는) 내보내기에 포함되어 있지 않습니다. 가릴 곳을 표시하기 전에 먼저 포함하십시오.</translation>
    </message>
    <message>
        <source>Cannot read %1; nothing was attached.</source>
        <translation>%1을(를) 읽을 수 없어 아무것도 첨부하지 않았습니다.</translation>
    </message>
    <message>
        <source>The passphrase file %1 %2.</source>
        <translation>암호 문구 파일 %1: %2.</translation>
    </message>
    <message>
        <source>The passphrase file %1 %2; nothing was changed.</source>
        <translation>암호 문구 파일 %1: %2. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot read the new passphrase file %1 (it must be a small UTF-8 text file); nothing was changed.</source>
        <translation>새 암호 문구 파일 %1을(를) 읽을 수 없습니다(작은 UTF-8 텍스트 파일이어야 합니다). 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>읽을 수 없습니다(%1)</translation>
    </message>
    <message>
        <source>holds NaN or Infinity, which JSON does not allow</source>
        <translation>JSON이 허용하지 않는 NaN 또는 Infinity가 들어 있습니다</translation>
    </message>
    <message>
        <source>holds a number too long to read (over 4,300 digits)</source>
        <translation>읽기에 너무 긴 수가 들어 있습니다(4,300자리 초과)</translation>
    </message>
    <message>
        <source>holds an invalid character (a lone UTF-16 surrogate)</source>
        <translation>잘못된 문자가 들어 있습니다(짝이 없는 UTF-16 서로게이트)</translation>
    </message>
    <message>
        <source>expected a number from 0 to %1</source>
        <translation>0에서 %1 사이의 수여야 합니다</translation>
    </message>
    <message>
        <source>expected a finite number (not NaN or Infinity)</source>
        <translation>유한한 수여야 합니다(NaN이나 Infinity가 아닌)</translation>
    </message>
    <message>
        <source>malformed manifest: %1 holds an invalid character (a lone surrogate)</source>
        <translation>잘못된 매니페스트: %1에 잘못된 문자(짝이 없는 서로게이트)가 들어 있습니다</translation>
    </message>
    <message>
        <source>not a packet: not a regular file (a folder, a device or a pipe)</source>
        <translation>패킷이 아닙니다: 일반 파일이 아닙니다(폴더, 장치 또는 파이프)</translation>
    </message>
    <message>
        <source>not a packet: larger than %1 MB, more than a packet ever holds</source>
        <translation>패킷이 아닙니다: %1 MB보다 커서 어떤 패킷보다도 큽니다</translation>
    </message>
    <message>
        <source>it is not a regular file: a device or a pipe</source>
        <translation>일반 파일이 아닙니다: 장치 또는 파이프입니다</translation>
    </message>
    <message>
        <source>has the case reference of %1, in this vault</source>
        <translation>이 보관함에 있는 %1과(와) 사례 참조 번호가 같습니다</translation>
    </message>
    <message>
        <source>is already in this vault as %1 (same narratives)</source>
        <translation>이미 이 보관함에 %1(으)로 있습니다(같은 진술)</translation>
    </message>
    <message>
        <source>has the same case reference as cases[%1]</source>
        <translation>cases[%1]과(와) 사례 참조 번호가 같습니다</translation>
    </message>
    <message>
        <source>repeats cases[%1] (the same narratives)</source>
        <translation>cases[%1]을(를) 반복합니다(같은 진술)</translation>
    </message>
    <message>
        <source>%1; nothing was imported. Edit that case in nkcase instead (or, if this really is another witness&apos;s case, import it with --as-new)</source>
        <translation>%1. 아무것도 가져오지 않았습니다. 대신 nkcase에서 그 사례를 편집하십시오(정말 다른 증인의 사례라면 --as-new로 가져오십시오).</translation>
    </message>
    <message>
        <source>This vault&apos;s database is not the one its key file last saw: %1. Someone may have copied an older vault.db over this one (undoing changes such as a consent withdrawal). Nothing was changed. %2</source>
        <translation>이 보관함의 데이터베이스는 키 파일이 마지막으로 본 것이 아닙니다: %1. 누군가 이전 vault.db를 이 위에 복사했을 수 있습니다(동의 철회 같은 변경이 되돌려짐). 아무것도 바뀌지 않았습니다. %2</translation>
    </message>
    <message>
        <source>the key slots inside it cannot be used: %1</source>
        <translation>그 안의 키 슬롯을 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The key file asks for key-derivation settings outside what nkcase accepts (at most %1 GiB of memory, %2 passes, %3 lanes); it was not written by nkcase. Nothing was derived.</source>
        <translation>키 파일이 nkcase가 받아들이는 범위를 벗어난 키 유도 설정을 요구합니다(메모리 최대 %1 GiB, 반복 %2회, 레인 %3개). nkcase가 쓴 파일이 아닙니다. 아무것도 유도하지 않았습니다.</translation>
    </message>
    <message>
        <source>The key file holds a key slot of the wrong size (salt, nonce or wrapped key); it was not written by nkcase.</source>
        <translation>키 파일에 크기가 잘못된 키 슬롯(솔트, 논스 또는 감싼 키)이 있습니다. nkcase가 쓴 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>The key file (keys.json) is damaged: it is not a small regular file. Restore it from a backup; the vault cannot be opened without it.</source>
        <translation>키 파일(keys.json)이 손상되었습니다: 작은 일반 파일이 아닙니다. 백업에서 복원하십시오. 이 파일 없이는 보관함을 열 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The operation could not be completed.</source>
        <translation>작업을 완료하지 못했습니다.</translation>
    </message>
    <message>
        <source>The request could not be carried out.</source>
        <translation>요청을 처리할 수 없습니다.</translation>
    </message>
    <message>
        <source>There is a problem with the vault.</source>
        <translation>보관소에 문제가 있습니다.</translation>
    </message>
    <message>
        <source>No vault was found.</source>
        <translation>보관소를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>A vault already exists there.</source>
        <translation>그곳에 이미 보관소가 있습니다.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>암호 문구가 틀렸습니다.</translation>
    </message>
    <message>
        <source>Wrong recovery key.</source>
        <translation>복구 키가 틀렸습니다.</translation>
    </message>
    <message>
        <source>This passphrase is too weak.</source>
        <translation>이 암호 문구는 너무 약합니다.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file is damaged.</source>
        <translation>보관소의 키 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is damaged.</source>
        <translation>보관소의 데이터베이스가 손상되었습니다.</translation>
    </message>
    <message>
        <source>This format is not supported.</source>
        <translation>지원하지 않는 형식입니다.</translation>
    </message>
    <message>
        <source>The case file is not valid.</source>
        <translation>사례 파일이 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>The case was not found.</source>
        <translation>사례를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>The export was refused.</source>
        <translation>내보내기가 거부되었습니다.</translation>
    </message>
    <message>
        <source>The export was refused: identifying text was found.</source>
        <translation>내보내기가 거부되었습니다: 신원을 드러내는 내용이 발견되었습니다.</translation>
    </message>
    <message>
        <source>The packet failed verification.</source>
        <translation>패킷 검증에 실패했습니다.</translation>
    </message>
    <message>
        <source>The packet&apos;s signature does not verify.</source>
        <translation>패킷의 서명이 맞지 않습니다.</translation>
    </message>
    <message>
        <source>The integrity check found a problem.</source>
        <translation>무결성 검사에서 문제가 발견되었습니다.</translation>
    </message>
    <message>
        <source>The change was not saved: a value is not valid.</source>
        <translation>변경 내용을 저장하지 않았습니다: 올바르지 않은 값이 있습니다.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>보관소가 잠겨 있습니다.</translation>
    </message>
    <message>
        <source>The vault is open in another program or window.</source>
        <translation>보관소가 다른 프로그램이나 창에서 열려 있습니다.</translation>
    </message>
    <message>
        <source>An attachment is damaged.</source>
        <translation>첨부 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>The backup is damaged.</source>
        <translation>백업이 손상되었습니다.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>디스크가 가득 찼습니다.</translation>
    </message>
    <message>
        <source>The vault is on read-only media.</source>
        <translation>보관소가 읽기 전용 매체에 있습니다.</translation>
    </message>
    <message>
        <source>The vault is older than its last saved state.</source>
        <translation>보관소가 마지막으로 저장된 상태보다 오래되었습니다.</translation>
    </message>
    <message>
        <source>The key slot change was refused.</source>
        <translation>키 슬롯 변경이 거부되었습니다.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a testimony packet</source>
        <extracomment>``list`` of :class:`ops.CaseCheck`: the consent and review check for each case. ``object`` (:class:`ops.Preview`): a packet was built, signed and leak-checked. ``str``: a user-facing reason the packet could not be built or saved. ``str``: the path of the packet written (and verified) on disk.</extracomment>
        <translation>증언 패킷 내보내기</translation>
    </message>
    <message>
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <source>Pattern submission (statistics across the cases, no individual)</source>
        <translation>패턴 제출 (여러 사건의 통계, 개인 정보 없음)</translation>
    </message>
    <message>
        <source>Link to other packets (keep the cases&apos; usual pseudonyms)</source>
        <translation>다른 패킷과 연결 (사례의 평소 가명 유지)</translation>
    </message>
    <message>
        <source>Off: the cases get pseudonyms of this packet only, so two packets about one witness cannot be joined by name. Never allowed for a packet that carries an identity to OHCHR.</source>
        <translation>해제: 사례마다 이 패킷에서만 쓰는 가명이 붙어, 같은 증인에 관한 두 패킷을 이름으로 연결할 수 없습니다. OHCHR에 신원을 전달하는 패킷에는 허용되지 않습니다.</translation>
    </message>
    <message>
        <source>case number or pseudonym</source>
        <translation>사건 번호 또는 가명</translation>
    </message>
    <message>
        <source>Add case</source>
        <translation>사건 추가</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>사건</translation>
    </message>
    <message>
        <source>Consent for this target</source>
        <translation>이 수신처에 대한 동의</translation>
    </message>
    <message>
        <source>Redaction review</source>
        <translation>가림 처리 검토</translation>
    </message>
    <message>
        <source>Build and preview</source>
        <translation>만들고 미리 보기</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>수신처</translation>
    </message>
    <message>
        <source>No preview yet.</source>
        <translation>아직 미리 보기가 없습니다.</translation>
    </message>
    <message>
        <source>Save packet…</source>
        <translation>패킷 저장…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Letters go to the governments concerned, the DPRK and the host state included.</source>
        <translation>서한은 북한과 체류국을 포함한 관련 정부에 전달됩니다.</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>허용</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>검토 완료</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) to review</source>
        <translation>
            <numerusform>검토할 제안 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Several cases: tick “Pattern submission”, or export them one by one.</source>
        <translation>여러 사건입니다: “패턴 제출”을 선택하거나 한 건씩 내보내십시오.</translation>
    </message>
    <message>
        <source>Nothing can be exported to this target yet.</source>
        <translation>아직 이 수신처로 내보낼 수 있는 사건이 없습니다.</translation>
    </message>
    <message>
        <source>Left out of this packet: %1.</source>
        <translation>이 패킷에서 제외됨: %1.</translation>
    </message>
    <message>
        <source>Ready to build.</source>
        <translation>만들 준비가 되었습니다.</translation>
    </message>
    <message>
        <source>Building, signing and checking the packet…</source>
        <translation>패킷을 만들고 서명하고 검사하는 중…</translation>
    </message>
    <message>
        <source>Building the packet…</source>
        <translation>패킷을 만드는 중…</translation>
    </message>
    <message>
        <source>The packet was not built.</source>
        <translation>패킷을 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>Leak check passed: no registered name or term, in any spelling, in any of the %1 files (PDF text and metadata included). Signed by %2.</source>
        <translation>유출 검사 통과: %1개 파일(PDF 텍스트와 메타데이터 포함) 어디에도 등록된 이름이나 용어가 어떤 표기로도 없습니다. 서명: %2.</translation>
    </message>
    <message>
        <source>Rendering the pages…</source>
        <translation>페이지를 그리는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Preview of submission.pdf · %n page(s) · %1</source>
        <translation>
            <numerusform>submission.pdf 미리 보기 · %n쪽 · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Save packet</source>
        <translation>패킷 저장</translation>
    </message>
    <message>
        <source>Packets (*.zip)</source>
        <translation>패킷 (*.zip)</translation>
    </message>
    <message>
        <source>Saved and verified: %1 (%2 bytes).</source>
        <translation>저장 및 검증 완료: %1 (%2바이트).</translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <source>Deployment %1, %2</source>
        <translation>파견 %1, %2</translation>
    </message>
    <message>
        <source>Interview %1, narrative</source>
        <translation>면담 %1, 진술</translation>
    </message>
    <message>
        <source>Interview %1, translation</source>
        <translation>면담 %1, 번역</translation>
    </message>
    <message>
        <source>Evidence quote %1</source>
        <translation>증거 인용 %1</translation>
    </message>
</context>
<context>
    <name>HistorySection</name>
    <message>
        <source>When (UTC)</source>
        <translation>시각 (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>작업자</translation>
    </message>
    <message>
        <source>What</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 사항</translation>
    </message>
    <message>
        <source>Entry hash</source>
        <translation>항목 해시</translation>
    </message>
    <message>
        <source>Earlier versions of a text</source>
        <translation>텍스트의 이전 버전</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Audit trail (hash-chained; never holds case text)</source>
        <translation>감사 기록 (해시 체인, 사건 내용은 담지 않음)</translation>
    </message>
    <message>
        <source>v%1 · %2 · %3</source>
        <translation>v%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>IdentitySection</name>
    <message>
        <source>The witness&apos;s identity is sealed. It is never shown in lists, titles or exports; reveal it only when nobody else can see the screen.</source>
        <translation>증언자의 신원은 봉인되어 있습니다. 목록, 창 제목, 내보내기에는 표시되지 않습니다. 다른 사람이 화면을 볼 수 없을 때만 여십시오.</translation>
    </message>
    <message>
        <source>Reveal identity</source>
        <translation>신원 보기</translation>
    </message>
    <message>
        <source>Name (Latin script)</source>
        <translation>이름 (로마자)</translation>
    </message>
    <message>
        <source>Name (Hangul)</source>
        <translation>이름 (한글)</translation>
    </message>
    <message>
        <source>Other spellings (comma-separated)</source>
        <translation>다른 표기 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>Born (YYYY, YYYY-MM or YYYY-MM-DD)</source>
        <translation>출생 (YYYY, YYYY-MM 또는 YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>고향</translation>
    </message>
    <message>
        <source>Hometown (Hangul)</source>
        <translation>고향 (한글)</translation>
    </message>
    <message>
        <source>Home province (the only part an export shows)</source>
        <translation>출신 도 (내보내기에 표시되는 유일한 부분)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>직업</translation>
    </message>
    <message>
        <source>Internal reference</source>
        <translation>내부 참조 번호</translation>
    </message>
    <message>
        <source>male</source>
        <translation>남성</translation>
    </message>
    <message>
        <source>female</source>
        <translation>여성</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <source>Seal again</source>
        <translation>다시 봉인</translation>
    </message>
</context>
<context>
    <name>IndicatorsSection</name>
    <message>
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <source>Add the narrative&apos;s selected passage</source>
        <translation>진술에서 선택한 구절 추가</translation>
    </message>
    <message>
        <source>Remove quote</source>
        <translation>인용 삭제</translation>
    </message>
    <message>
        <source>Select a passage in the Interviews tab, then add it here (or use “Quote selection as evidence for…” there). Double-click a quote to edit it.</source>
        <translation>면담 탭에서 구절을 선택한 뒤 여기에서 추가하십시오(또는 그곳의 “선택한 구절을 증거로 인용…”을 사용하십시오). 인용을 두 번 클릭하면 수정할 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence quote(s)</source>
        <translation>
            <numerusform>증거 인용 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewsSection</name>
    <message>
        <source>Add interview</source>
        <translation>면담 추가</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>면담자</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>진술</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <source>Quote selection as evidence for…</source>
        <translation>선택한 구절을 증거로 인용…</translation>
    </message>
    <message>
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;background:#f6c9c9&quot;&gt;&amp;nbsp;registered: replaced in exports&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&quot;background:#fff0b3&quot;&gt;&amp;nbsp;suggestion: review before export&amp;nbsp;&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;background:#f6c9c9&quot;&gt;&amp;nbsp;등록됨: 내보낼 때 대체&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&quot;background:#fff0b3&quot;&gt;&amp;nbsp;제안: 내보내기 전에 검토&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Interview %1</source>
        <translation>면담 %1</translation>
    </message>
    <message>
        <source>Select a passage of the narrative first.</source>
        <translation>먼저 진술에서 구절을 선택하십시오.</translation>
    </message>
</context>
<context>
    <name>KeepListDialog</name>
    <message>
        <source>Keep list</source>
        <extracomment>``int``: entries on the list after each load or change.</extracomment>
        <translation>보존 목록</translation>
    </message>
    <message>
        <source>Names that are evidence, not family details: public figures, state organs, the companies that employed or dispatched workers. Their proposals are kept as written in every case. Registered terms are always redacted, kept or not.</source>
        <translation>가족 정보가 아니라 증거인 이름들입니다: 공인, 국가 기관, 노동자를 고용하거나 파견한 회사. 이 이름들에 대한 제안은 모든 사건에서 원문대로 둡니다. 등록된 용어는 보존 목록에 있어도 항상 가립니다.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>추가한 사람</translation>
    </message>
    <message>
        <source>Added (UTC)</source>
        <translation>추가 일시 (UTC)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Take the selected names off the list: they are proposed for review again.</source>
        <translation>선택한 이름을 목록에서 뺍니다. 다시 검토 대상으로 제안됩니다.</translation>
    </message>
    <message>
        <source>Name, organ or company, as written</source>
        <translation>이름, 기관 또는 회사 (쓰인 그대로)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) on the keep list</source>
        <translation>
            <numerusform>보존 목록에 이름 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeySlotsDialog</name>
    <message>
        <source>Key slots</source>
        <translation>키 슬롯</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>비밀 정보</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>추가한 날</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>이번 세션</translation>
    </message>
    <message>
        <source>Add passphrase…</source>
        <translation>암호 문구 추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>새 복구 키…</translation>
    </message>
    <message>
        <source>Duress passphrase…</source>
        <translation>강압용 암호 문구…</translation>
    </message>
    <message>
        <source>Re-encrypt (rekey)…</source>
        <translation>다시 암호화 (키 교체)…</translation>
    </message>
    <message>
        <source>Each slot opens the same vault with its own secret.</source>
        <translation>각 슬롯은 저마다의 비밀 정보로 같은 보관소를 엽니다.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호 문구</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>복구 키</translation>
    </message>
    <message>
        <source>Duress passphrase</source>
        <translation>강압용 암호 문구</translation>
    </message>
    <message>
        <source>opened the vault</source>
        <translation>보관소를 연 슬롯</translation>
    </message>
    <message>
        <source>Add passphrase</source>
        <translation>암호 문구 추가</translation>
    </message>
    <message>
        <source>Label (optional):</source>
        <translation>설명 (선택 사항):</translation>
    </message>
    <message>
        <source>Remove this key slot? Its secret will no longer open the vault.</source>
        <translation>이 키 슬롯을 삭제하시겠습니까? 그 비밀 정보로는 더 이상 보관소를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>새 복구 키</translation>
    </message>
    <message>
        <source>Write this down and keep it away from the laptop. The old one no longer opens the vault.</source>
        <translation>이 키를 적어서 노트북과 떨어진 곳에 보관하십시오. 이전 복구 키로는 더 이상 보관소를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Make a new recovery key? The old one will no longer open the vault.</source>
        <translation>새 복구 키를 만드시겠습니까? 이전 복구 키로는 더 이상 보관소를 열 수 없게 됩니다.</translation>
    </message>
    <message>
        <source>Remove the duress passphrase?</source>
        <translation>강압용 암호 문구를 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Typed at unlock, the duress passphrase scrambles every other passphrase and shows an empty vault. Afterwards ONLY the recovery key opens this vault: keep it somewhere safe, away from the laptop.</source>
        <translation>잠금 해제 때 강압용 암호 문구를 입력하면 다른 모든 암호 문구가 무효가 되고 빈 보관소가 표시됩니다. 그 뒤에는 오직 복구 키로만 이 보관소를 열 수 있습니다. 복구 키는 노트북과 떨어진 안전한 곳에 보관하십시오.</translation>
    </message>
    <message>
        <source>Re-encrypt the vault</source>
        <translation>보관소 다시 암호화</translation>
    </message>
    <message>
        <source>Re-encrypt the whole vault under a new key? Only the new passphrase and a new recovery key will open it: other passphrases and the duress passphrase are removed.</source>
        <translation>새 키로 보관소 전체를 다시 암호화하시겠습니까? 이후에는 새 암호 문구와 새 복구 키로만 열 수 있으며, 다른 암호 문구와 강압용 암호 문구는 삭제됩니다.</translation>
    </message>
    <message>
        <source>Re-encrypting the vault…</source>
        <translation>보관소를 다시 암호화하는 중…</translation>
    </message>
    <message>
        <source>Vault re-encrypted</source>
        <translation>보관소를 다시 암호화했습니다</translation>
    </message>
    <message>
        <source>The vault now has a new key; other passphrases were removed. NEW recovery key (the old one no longer works):</source>
        <translation>보관소에 새 키가 적용되었고 다른 암호 문구는 삭제되었습니다. 새 복구 키 (이전 복구 키는 더 이상 쓸 수 없습니다):</translation>
    </message>
</context>
<context>
    <name>LeakFixPanel</name>
    <message>
        <source>Found “%1” in %2 (shown on this screen only, never logged).</source>
        <extracomment>the text was redacted in its case; build the packet again. ``str``: a user-facing reason the redaction could not be stored.</extracomment>
        <translation>%2에서 “%1”이(가) 발견되었습니다 (이 화면에만 표시되며 기록되지 않습니다).</translation>
    </message>
    <message>
        <source>This is a field of the case (%1), not a text: edit it on the case&apos;s %2 tab, then build the packet again.</source>
        <translation>이것은 텍스트가 아니라 사례의 항목(%1)입니다: 사례의 %2 탭에서 고친 뒤 패킷을 다시 만드십시오.</translation>
    </message>
    <message>
        <source>This is a field of the case (%1), not a text: edit it in the case, then build the packet again.</source>
        <translation>이것은 텍스트가 아니라 사례의 항목(%1)입니다: 사례에서 고친 뒤 패킷을 다시 만드십시오.</translation>
    </message>
    <message>
        <source>the packet</source>
        <translation>패킷</translation>
    </message>
    <message>
        <source>Redact this text in its case</source>
        <translation>이 텍스트를 해당 사례에서 가리기</translation>
    </message>
    <message>
        <source>The case could not be told; review the redactions of each case.</source>
        <translation>어느 사례인지 알 수 없습니다. 각 사례의 가림 처리를 검토하십시오.</translation>
    </message>
    <message>
        <source>Redact this text in %1</source>
        <translation>%1에서 이 텍스트 가리기</translation>
    </message>
    <message>
        <source>Redact every occurrence in %1, then build the packet again.</source>
        <translation>%1의 모든 곳에서 가린 다음 패킷을 다시 만듭니다.</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>보관소(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>새 사례(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Export packet…</source>
        <translation>자료 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>지금 잠그기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>Protection in the field</source>
        <translation>현장 보호 기능</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Protection in the field</source>
        <translation>현장 보호 기능</translation>
    </message>
    <message>
        <source>nkcase (locked)</source>
        <extracomment>no payload: the vault was opened and the case list asked for. ``str``: the vault was locked (&quot;manual&quot;, &quot;panic&quot;, &quot;idle&quot;, &quot;quit&quot;). ``float``: ms from the vault being open to the first page of the case list in the model. ``int``: a case was created from the window (its id).</extracomment>
        <translation>nkcase (잠김)</translation>
    </message>
    <message>
        <source>No backup yet: use Vault → Back up…</source>
        <translation>아직 백업하지 않았습니다: 보관소 → 백업…을 사용하십시오</translation>
    </message>
    <message>
        <source>No backup for over a week: use Vault → Back up…</source>
        <translation>일주일 넘게 백업하지 않았습니다: 보관소 → 백업…을 사용하십시오</translation>
    </message>
    <message>
        <source>Export is not available in this build.</source>
        <translation>이 빌드에서는 내보내기를 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Select one or more cases in the list first.</source>
        <translation>먼저 목록에서 사례를 하나 이상 선택하십시오.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt; locks the vault at once and clears the screen.&lt;/p&gt;&lt;p&gt;The vault locks itself after %1 minute(s) without input.&lt;/p&gt;&lt;p&gt;Text copied from a case is cleared from the clipboard after %2 seconds.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;을 누르면 즉시 보관소가 잠기고 화면이 지워집니다.&lt;/p&gt;&lt;p&gt;입력이 없으면 %1분 후 보관소가 자동으로 잠깁니다.&lt;/p&gt;&lt;p&gt;사례에서 복사한 텍스트는 %2초 후 클립보드에서 지워집니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>새 사례</translation>
    </message>
    <message>
        <source>The interviewee&apos;s name, in Latin letters or in Hangul. It stays inside the vault: the case list and the window show only a pseudonym.</source>
        <translation>면담 대상자의 이름을 로마자나 한글로 입력하십시오. 이름은 보관소 안에만 저장되며, 사례 목록과 창에는 가명만 표시됩니다.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Create the case vault</source>
        <translation>사례 보관소 만들기</translation>
    </message>
    <message>
        <source>Everything is encrypted in one vault on this computer.</source>
        <translation>모든 내용은 이 컴퓨터의 보관소 하나에 암호화되어 저장됩니다.</translation>
    </message>
    <message>
        <source>The organisation&apos;s name signs every testimony packet you export. It is stored inside the encrypted vault.</source>
        <translation>단체 이름은 내보내는 모든 증언 자료의 서명에 사용됩니다. 이름은 암호화된 보관소 안에 저장됩니다.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>단체</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>보관소 폴더</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>암호 문구 정하기</translation>
    </message>
    <message>
        <source>Nobody, not even us, can open the vault without it.</source>
        <translation>이것 없이는 누구도, 개발자도 보관소를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Use at least %1 characters. Four or more unrelated words are easy to remember and hard to guess. Never reuse a passphrase from elsewhere.</source>
        <translation>%1자 이상을 사용하십시오. 서로 관련 없는 단어 네 개 이상은 기억하기 쉽고 추측하기 어렵습니다. 다른 곳에서 쓰는 암호 문구를 다시 쓰지 마십시오.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호 문구</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>다시 입력</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>매우 약함</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>약함</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>강함</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>매우 강함</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>강도</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>너무 짧습니다: %1자 이상을 사용하십시오.</translation>
    </message>
    <message>
        <source>Too easy to guess: add more unrelated words or characters.</source>
        <translation>너무 추측하기 쉽습니다: 서로 관련 없는 단어나 문자를 더 넣으십시오.</translation>
    </message>
    <message>
        <source>Creating the vault… (deriving the key takes a moment)</source>
        <translation>보관소를 만드는 중… (키 생성에 잠시 시간이 걸립니다)</translation>
    </message>
</context>
<context>
    <name>PeopleSection</name>
    <message>
        <source>Pseudonym in exports</source>
        <translation>내보내기 가명</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>관계</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Name (Hangul)</source>
        <translation>이름 (한글)</translation>
    </message>
    <message>
        <source>Where they live</source>
        <translation>거주지</translation>
    </message>
    <message>
        <source>Identifying details</source>
        <translation>신원 식별 정보</translation>
    </message>
    <message>
        <source>work unit</source>
        <translation>작업 단위</translation>
    </message>
    <message>
        <source>village</source>
        <translation>마을</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>고용주</translation>
    </message>
    <message>
        <source>event</source>
        <translation>사건</translation>
    </message>
    <message>
        <source>place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>조직</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>용어</translation>
    </message>
    <message>
        <source>Term (Hangul)</source>
        <translation>용어 (한글)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Everything here is replaced in every export, in every spelling the app can derive (Latin and Hangul). Double-click a cell to edit it.</source>
        <translation>여기 있는 모든 것은 앱이 만들 수 있는 모든 표기(로마자와 한글)로 모든 내보내기에서 대체됩니다. 칸을 두 번 클릭하면 수정할 수 있습니다.</translation>
    </message>
    <message>
        <source>Relatives</source>
        <translation>가족</translation>
    </message>
    <message>
        <source>Sensitive terms (work units, villages, events…)</source>
        <translation>민감 용어 (작업 단위, 마을, 사건…)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>가족</translation>
    </message>
    <message>
        <source>Add a sensitive term</source>
        <translation>민감한 용어 추가</translation>
    </message>
    <message>
        <source>Term to redact in every export (Latin or Hangul):</source>
        <translation>모든 내보내기에서 가릴 용어 (로마자 또는 한글):</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Write down the recovery key</source>
        <translation>복구 키를 적어 두십시오</translation>
    </message>
    <message>
        <source>It is shown only this once.</source>
        <translation>이 키는 지금 한 번만 표시됩니다.</translation>
    </message>
    <message>
        <source>If the passphrase is forgotten, this key is the only way into the vault. Write it on paper and keep it somewhere safe, away from this computer. Do not photograph it or save it in a file.</source>
        <translation>암호 문구를 잊으면 이 키가 보관소를 여는 유일한 방법입니다. 종이에 적어 이 컴퓨터와 떨어진 안전한 곳에 보관하십시오. 사진을 찍거나 파일로 저장하지 마십시오.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <source>I have written it down and put it somewhere safe</source>
        <translation>키를 적어서 안전한 곳에 보관했습니다</translation>
    </message>
    <message>
        <source>nkcase recovery key</source>
        <translation>nkcase 복구 키</translation>
    </message>
    <message>
        <source>Keep this paper safe. It opens the vault without the passphrase.</source>
        <translation>이 종이를 안전하게 보관하십시오. 암호 문구 없이도 보관소를 열 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>RedactionReview</name>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>발견</translation>
    </message>
    <message>
        <source>Keep list…</source>
        <extracomment>``list[int]``: the case to export (the button is enabled only when nothing is pending). emitted after decisions were stored in the vault. ``int``: occurrences still waiting for a decision, after each refresh. ``int``: texts analysed by the finder since the review opened (all proposals are in).</extracomment>
        <translation>보존 목록…</translation>
    </message>
    <message>
        <source>Public names, state organs and companies kept as evidence in every case.</source>
        <translation>모든 사건에서 증거로 원문대로 두는 공인 이름, 국가 기관, 회사.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Redact all (A)</source>
        <translation>모두 가림 (A)</translation>
    </message>
    <message>
        <source>Redact every occurrence of this text in the case (A).</source>
        <translation>이 사건에서 이 텍스트가 나오는 모든 곳을 가립니다 (A).</translation>
    </message>
    <message>
        <source>Keep (K)</source>
        <translation>보존 (K)</translation>
    </message>
    <message>
        <source>Evidence, not a family detail: keep every occurrence as written (K). A public figure, state organ or company also goes on the keep list, so no other case asks again.</source>
        <translation>가족 정보가 아니라 증거: 나오는 모든 곳을 원문대로 둡니다 (K). 공인, 국가 기관, 회사는 보존 목록에도 올라가 다른 사건에서 다시 묻지 않습니다.</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>거부 (R)</translation>
    </message>
    <message>
        <source>Not identifying: keep every occurrence as written in this case (R).</source>
        <translation>신원을 드러내지 않음: 이 사건에서 나오는 모든 곳을 원문대로 둡니다 (R).</translation>
    </message>
    <message>
        <source>Redact this one (Shift+A)</source>
        <translation>이곳만 가림 (Shift+A)</translation>
    </message>
    <message>
        <source>Redact only the occurrence shown (Shift+A).</source>
        <translation>표시된 곳만 가립니다 (Shift+A).</translation>
    </message>
    <message>
        <source>Keep this one (Shift+R)</source>
        <translation>이곳만 원문대로 (Shift+R)</translation>
    </message>
    <message>
        <source>Keep only the occurrence shown as written (Shift+R).</source>
        <translation>표시된 곳만 원문대로 둡니다 (Shift+R).</translation>
    </message>
    <message>
        <source>Previous (P)</source>
        <translation>이전 (P)</translation>
    </message>
    <message>
        <source>The previous group still to review (P).</source>
        <translation>검토가 남은 이전 묶음 (P).</translation>
    </message>
    <message>
        <source>Next (N)</source>
        <translation>다음 (N)</translation>
    </message>
    <message>
        <source>The next group still to review (N or J); O shows its next occurrence.</source>
        <translation>검토가 남은 다음 묶음 (N 또는 J). O는 이 묶음의 다음 위치를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>나오는 곳</translation>
    </message>
    <message>
        <source>%1 proposals left (%2 of %3 occurrences)</source>
        <translation>남은 제안 %1건 (나오는 곳 %3곳 중 %2곳)</translation>
    </message>
    <message>
        <source>No proposals yet: still finding names…</source>
        <translation>아직 제안 없음: 이름을 찾는 중…</translation>
    </message>
    <message>
        <source>All %1 proposals reviewed; registered terms are replaced automatically.</source>
        <translation>제안 %1건 모두 검토했습니다. 등록된 용어는 자동으로 대체됩니다.</translation>
    </message>
    <message>
        <source>Finding names… %1 of %2 texts</source>
        <translation>이름을 찾는 중… 텍스트 %2개 중 %1개</translation>
    </message>
    <message>
        <source>Keep, add to keep list (K)</source>
        <translation>보존, 보존 목록에 추가 (K)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>원문</translation>
    </message>
    <message>
        <source>As exported</source>
        <translation>내보낼 내용</translation>
    </message>
    <message>
        <source>Checking the redactions…</source>
        <translation>가림 처리를 확인하는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Export: %n suggestion(s) still to review</source>
        <translation>
            <numerusform>내보내기: 검토할 제안 %n건 남음</numerusform>
        </translation>
    </message>
    <message>
        <source>Every suggestion needs a decision before this case can be exported.</source>
        <translation>이 사건을 내보내려면 모든 제안에 결정이 필요합니다.</translation>
    </message>
    <message>
        <source>Still finding names in the texts…</source>
        <translation>텍스트에서 아직 이름을 찾는 중…</translation>
    </message>
    <message>
        <source>Choose the target and preview the packet.</source>
        <translation>수신처를 고르고 패킷을 미리 보십시오.</translation>
    </message>
</context>
<context>
    <name>ReviewLabels</name>
    <message>
        <source>witness&apos;s name</source>
        <translation>증언자 이름</translation>
    </message>
    <message>
        <source>relative&apos;s name</source>
        <translation>가족 이름</translation>
    </message>
    <message>
        <source>hometown</source>
        <translation>고향</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>case reference</source>
        <translation>사건 참조 번호</translation>
    </message>
    <message>
        <source>relative&apos;s location</source>
        <translation>가족 거주지</translation>
    </message>
    <message>
        <source>identifying detail</source>
        <translation>신원 식별 정보</translation>
    </message>
    <message>
        <source>interview place</source>
        <translation>면담 장소</translation>
    </message>
    <message>
        <source>interviewer</source>
        <translation>면담자</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>문서 번호</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>전자우편 주소</translation>
    </message>
    <message>
        <source>possible name</source>
        <translation>이름으로 보임</translation>
    </message>
    <message>
        <source>work unit</source>
        <translation>작업 단위</translation>
    </message>
    <message>
        <source>work unit or team</source>
        <translation>작업 단위 또는 작업반</translation>
    </message>
    <message>
        <source>village</source>
        <translation>마을</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>고용주</translation>
    </message>
    <message>
        <source>event</source>
        <translation>사건</translation>
    </message>
    <message>
        <source>place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>조직</translation>
    </message>
    <message>
        <source>public figure or state organ</source>
        <translation>공인 또는 국가 기관</translation>
    </message>
    <message>
        <source>file, case or vehicle number</source>
        <translation>문서·사건·차량 번호</translation>
    </message>
    <message>
        <source>address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>registered term</source>
        <translation>등록된 용어</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>패턴</translation>
    </message>
    <message>
        <source>name finder</source>
        <translation>이름 찾기</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>검토 필요</translation>
    </message>
    <message>
        <source>redacted</source>
        <translation>가림</translation>
    </message>
    <message>
        <source>kept as written</source>
        <translation>원문대로 둠</translation>
    </message>
    <message>
        <source>kept (keep list)</source>
        <translation>원문대로 둠 (보존 목록)</translation>
    </message>
    <message>
        <source>decided one by one</source>
        <translation>하나씩 결정함</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Lock after idle (minutes)</source>
        <translation>입력이 없을 때 잠금 (분)</translation>
    </message>
    <message>
        <source>Clear copied text after (seconds)</source>
        <translation>복사한 텍스트 지우기 (초)</translation>
    </message>
    <message>
        <source>These preferences are the only things nkcase keeps outside the encrypted vault. Ctrl+Shift+L always locks at once.</source>
        <translation>이 설정만이 nkcase가 암호화된 보관소 밖에 저장하는 정보입니다. Ctrl+Shift+L은 언제나 즉시 잠급니다.</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>There is no case vault on this computer yet.</source>
        <translation>이 컴퓨터에는 아직 사례 보관소가 없습니다.</translation>
    </message>
    <message>
        <source>Create a vault…</source>
        <translation>보관소 만들기…</translation>
    </message>
</context>
<context>
    <name>UnlockWidget</name>
    <message>
        <source>The vault is locked</source>
        <extracomment>``object``: the vault opened (it lives on the worker; read nothing from it here). ``str``: an unlock attempt failed; the message says why (wrong passphrase...).</extracomment>
        <translation>보관소가 잠겨 있습니다</translation>
    </message>
    <message>
        <source>Enter the passphrase to open the case vault.</source>
        <translation>사례 보관소를 열려면 암호 문구를 입력하십시오.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>복구 키</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호 문구</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>암호 문구 사용</translation>
    </message>
    <message>
        <source>Use recovery key</source>
        <translation>복구 키 사용</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L locks the vault at once and clears the screen. The vault also locks itself after a few idle minutes.</source>
        <translation>Ctrl+Shift+L을 누르면 즉시 보관소가 잠기고 화면이 지워집니다. 몇 분 동안 입력이 없어도 자동으로 잠깁니다.</translation>
    </message>
    <message>
        <source>Demo vault with fictional cases. Its passphrase is: %1</source>
        <translation>가상 사례로 만든 체험용 보관소입니다. 암호 문구: %1</translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation>복구 키를 입력하십시오.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>암호 문구를 입력하십시오.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>잠금 해제 중…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this vault.</source>
        <translation>암호 문구가 틀렸습니다: 이 보관소를 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Wrong recovery key: it does not open this vault.</source>
        <translation>복구 키가 틀렸습니다: 이 보관소를 열 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>VaultMenu</name>
    <message>
        <source>The operation failed.</source>
        <translation>작업을 완료하지 못했습니다.</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>새 암호 문구:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>다시 입력:</translation>
    </message>
    <message>
        <source>The two entries differ; nothing was changed.</source>
        <translation>두 입력이 서로 다릅니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>백업 파일을 저장하는 중…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>Backup written to %1 (%2 MiB).</source>
        <translation>백업을 %1에 저장했습니다 (%2 MiB).</translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>보관소 백업</translation>
    </message>
    <message>
        <source>nkcase backups (*.nkbak)</source>
        <translation>nkcase 백업 (*.nkbak)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Restored %1 cases into %2. Open that folder to use it.</source>
        <translation>사례 %1건을 %2에 복원했습니다. 사용하려면 그 폴더를 여십시오.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>백업 복원</translation>
    </message>
    <message>
        <source>nkcase backups (*.nkbak);;All files (*)</source>
        <translation>nkcase 백업 (*.nkbak);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Restore into an empty folder</source>
        <translation>복원할 빈 폴더</translation>
    </message>
    <message>
        <source>Passphrase of the backup:</source>
        <translation>백업의 암호 문구:</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>보관소(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>백업(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>백업 복원(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Key slots, recovery key, duress…</source>
        <translation>키 슬롯, 복구 키, 강압용 암호 문구(&amp;K)…</translation>
    </message>
</context>
<context>
    <name>WageEditor</name>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>시간당</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>일당</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>주당</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>월</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>연</translation>
    </message>
    <message>
        <source>for the contract</source>
        <translation>계약 전체</translation>
    </message>
</context>
</TS>
