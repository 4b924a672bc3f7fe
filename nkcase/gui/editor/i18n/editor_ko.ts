<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../editor.py" line="52" />
        <source>Case pseudonym</source>
        <extracomment>``int``: the case id, after any change reached the vault. ``list[int]``: case ids the user wants to export (from the review tab). ``object`` (:class:`ops.Snapshot`): a fresh view of the case after loading or an edit. ``str``: a user-facing message of an edit that was refused or failed.</extracomment>
        <translation>사건 가명</translation>
    </message>
    <message>
        <location filename="../editor.py" line="84" />
        <source>Interviews</source>
        <translation>면담</translation>
    </message>
    <message>
        <location filename="../editor.py" line="85" />
        <source>Identity (sealed)</source>
        <translation>신원 (봉인)</translation>
    </message>
    <message>
        <location filename="../editor.py" line="86" />
        <source>Relatives and terms</source>
        <translation>가족과 민감 용어</translation>
    </message>
    <message>
        <location filename="../editor.py" line="87" />
        <source>Deployments</source>
        <translation>파견</translation>
    </message>
    <message>
        <location filename="../editor.py" line="88" />
        <source>ILO indicators</source>
        <translation>ILO 지표</translation>
    </message>
    <message>
        <location filename="../editor.py" line="89" />
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <location filename="../editor.py" line="90" />
        <source>Redaction review</source>
        <translation>가림 처리 검토</translation>
    </message>
    <message>
        <location filename="../editor.py" line="91" />
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <location filename="../editor.py" line="112" />
        <source>1 interview</source>
        <translation>면담 1건</translation>
    </message>
    <message>
        <location filename="../editor.py" line="112" />
        <source>%1 interviews</source>
        <translation>면담 %1건</translation>
    </message>
    <message>
        <location filename="../editor.py" line="126" />
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <location filename="../editor.py" line="158" />
        <source>Unsaved typing…</source>
        <translation>저장되지 않은 입력…</translation>
    </message>
    <message>
        <location filename="../editor.py" line="161" />
        <source>Saved at %1</source>
        <translation>%1에 저장됨</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <location filename="../consent.py" line="34" />
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../consent.py" line="42" />
        <source>G2 · share an anonymised packet with…</source>
        <translation>G2 · 익명 처리된 패킷 공유 대상…</translation>
    </message>
    <message>
        <location filename="../consent.py" line="50" />
        <source>Communications go to the governments concerned (the DPRK included).</source>
        <translation>서한은 관련 정부(북한 포함)에 전달됩니다.</translation>
    </message>
    <message>
        <location filename="../consent.py" line="56" />
        <source>G3 · OHCHR may know the identity in confidence</source>
        <translation>G3 · OHCHR이 신원을 비공개로 알 수 있음</translation>
    </message>
    <message>
        <location filename="../consent.py" line="58" />
        <source>G4 · identity may appear in a letter to a government</source>
        <translation>G4 · 정부에 보내는 서한에 신원 기재 가능</translation>
    </message>
    <message>
        <location filename="../consent.py" line="59" />
        <source>The DPRK and the host state receive such letters.</source>
        <translation>북한과 체류국 정부가 이 서한을 받습니다.</translation>
    </message>
    <message>
        <location filename="../consent.py" line="63" />
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../consent.py" line="64" />
        <source>initials</source>
        <translation>이니셜</translation>
    </message>
    <message>
        <location filename="../consent.py" line="65" />
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../consent.py" line="73" />
        <source>not asked</source>
        <translation>묻지 않음</translation>
    </message>
    <message>
        <location filename="../consent.py" line="74" />
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../consent.py" line="75" />
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../consent.py" line="93" />
        <source>G5 · public attribution</source>
        <translation>G5 · 공개 표기</translation>
    </message>
    <message>
        <location filename="../consent.py" line="94" />
        <source>G6 · follow-up contact allowed</source>
        <translation>G6 · 후속 연락 허용</translation>
    </message>
    <message>
        <location filename="../consent.py" line="95" />
        <source>Consent given on</source>
        <translation>동의 일자</translation>
    </message>
    <message>
        <location filename="../consent.py" line="96" />
        <source>Consent form version</source>
        <translation>동의서 버전</translation>
    </message>
    <message>
        <location filename="../consent.py" line="97" />
        <source>Language of the form</source>
        <translation>동의서 언어</translation>
    </message>
    <message>
        <location filename="../consent.py" line="99" />
        <source>Withdrawal</source>
        <translation>동의 철회</translation>
    </message>
    <message>
        <location filename="../consent.py" line="103" />
        <location filename="../consent.py" line="180" />
        <source>Record withdrawal</source>
        <translation>철회 기록</translation>
    </message>
    <message>
        <location filename="../consent.py" line="106" />
        <source>Withdrawn on</source>
        <translation>철회 일자</translation>
    </message>
    <message>
        <location filename="../consent.py" line="145" />
        <source>Consent was withdrawn on %1. This case can never be exported again.</source>
        <translation>%1에 동의가 철회되었습니다. 이 사건은 다시는 내보낼 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../consent.py" line="152" />
        <source>If the witness withdraws consent, record the date: every later export of this case is blocked.</source>
        <translation>증언자가 동의를 철회하면 날짜를 기록하십시오. 이후 이 사건의 모든 내보내기가 차단됩니다.</translation>
    </message>
    <message>
        <location filename="../consent.py" line="168" />
        <source>Identity in letters to governments</source>
        <translation>정부 서한에 신원 기재</translation>
    </message>
    <message>
        <location filename="../consent.py" line="170" />
        <source>Special-procedures letters go to the governments concerned, the DPRK and the host state included. Record that the witness agreed to this?</source>
        <translation>특별절차 서한은 북한과 체류국을 포함한 관련 정부에 전달됩니다. 증언자가 이에 동의했다고 기록하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../consent.py" line="181" />
        <source>After this, the case can no longer be exported to anyone. Continue?</source>
        <translation>이후 이 사건은 누구에게도 내보낼 수 없습니다. 계속하시겠습니까?</translation>
    </message>
</context>
<context>
    <name>DeploymentsSection</name>
    <message>
        <location filename="../deployments.py" line="89" />
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="93" />
        <location filename="../deployments.py" line="158" />
        <source>Country</source>
        <translation>국가</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="96" />
        <location filename="../deployments.py" line="161" />
        <source>Sector</source>
        <translation>업종</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="99" />
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="100" />
        <source>Wages withheld</source>
        <translation>임금 공제율</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="115" />
        <location filename="../deployments.py" line="149" />
        <location filename="../deployments.py" line="153" />
        <source>not known</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="127" />
        <location filename="../deployments.py" line="130" />
        <location filename="../deployments.py" line="138" />
        <location filename="../deployments.py" line="146" />
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="132" />
        <source>the worker</source>
        <translation>본인</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="133" />
        <source>a minder</source>
        <translation>감시원(지도원)</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="134" />
        <source>the company</source>
        <translation>회사</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="135" />
        <source>the DPRK embassy</source>
        <translation>북한 대사관</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="136" />
        <source>the dispatching entity</source>
        <translation>파견 기관</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="137" />
        <source>someone else</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="141" />
        <source>escaped</source>
        <translation>탈출</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="142" />
        <source>end of contract</source>
        <translation>계약 만료</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="143" />
        <source>recalled</source>
        <translation>소환</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="144" />
        <source>injury</source>
        <translation>부상</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="145" />
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="159" />
        <source>Region</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="160" />
        <source>Site</source>
        <translation>작업장</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="162" />
        <source>Employer</source>
        <translation>고용주</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="163" />
        <source>Dispatching entity</source>
        <translation>파견 기관</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="164" />
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="165" />
        <source>Until</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="166" />
        <source>Wage promised</source>
        <translation>약속된 임금</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="167" />
        <source>Wage received</source>
        <translation>실제 받은 임금</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="168" />
        <source>Share withheld</source>
        <translation>공제된 비율</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="169" />
        <source>Hours per day</source>
        <translation>하루 노동 시간</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="170" />
        <source>Rest days per month</source>
        <translation>월 휴일 수</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="171" />
        <source>Passport held by</source>
        <translation>여권 보관자</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="172" />
        <source>How they left</source>
        <translation>귀국·이탈 경위</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="189" />
        <source>Add deployment</source>
        <translation>파견 추가</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="191" />
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="216" />
        <source>needs both wages in the same currency and period</source>
        <translation>두 임금의 통화와 기간이 같아야 합니다</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../export/dialog.py" line="55" />
        <source>Export a testimony packet</source>
        <extracomment>``list`` of :class:`ops.CaseCheck`: the consent and review check for each case. ``object`` (:class:`ops.Preview`): a packet was built, signed and leak-checked. ``str``: a user-facing reason the packet could not be built or saved. ``str``: the path of the packet written (and verified) on disk.</extracomment>
        <translation>증언 패킷 내보내기</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="61" />
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="70" />
        <source>Pattern submission (statistics across the cases, no individual)</source>
        <translation>패턴 제출 (여러 사건의 통계, 개인 정보 없음)</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="74" />
        <source>case number or pseudonym</source>
        <translation>사건 번호 또는 가명</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="75" />
        <source>Add case</source>
        <translation>사건 추가</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="84" />
        <source>Case</source>
        <translation>사건</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="85" />
        <source>Consent for this target</source>
        <translation>이 수신처에 대한 동의</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="86" />
        <source>Redaction review</source>
        <translation>가림 처리 검토</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="94" />
        <source>Build and preview</source>
        <translation>만들고 미리 보기</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="98" />
        <source>Send to</source>
        <translation>수신처</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="110" />
        <location filename="../../export/dialog.py" line="158" />
        <source>No preview yet.</source>
        <translation>아직 미리 보기가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="122" />
        <source>Save packet…</source>
        <translation>패킷 저장…</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="125" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="166" />
        <source>Letters go to the governments concerned, the DPRK and the host state included.</source>
        <translation>서한은 북한과 체류국을 포함한 관련 정부에 전달됩니다.</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="188" />
        <source>allowed</source>
        <translation>허용</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="191" />
        <source>reviewed</source>
        <translation>검토 완료</translation>
    </message>
    <message numerus="yes">
        <location filename="../../export/dialog.py" line="193" />
        <source>%n suggestion(s) to review</source>
        <translation><numerusform>검토할 제안 %n건</numerusform></translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="214" />
        <source>Several cases: tick “Pattern submission”, or export them one by one.</source>
        <translation>여러 사건입니다: “패턴 제출”을 선택하거나 한 건씩 내보내십시오.</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="219" />
        <source>Nothing can be exported to this target yet.</source>
        <translation>아직 이 수신처로 내보낼 수 있는 사건이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="224" />
        <source>Left out of this packet: %1.</source>
        <translation>이 패킷에서 제외됨: %1.</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="229" />
        <source>Ready to build.</source>
        <translation>만들 준비가 되었습니다.</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="243" />
        <source>Building, signing and checking the packet…</source>
        <translation>패킷을 만들고 서명하고 검사하는 중…</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="244" />
        <source>Building the packet…</source>
        <translation>패킷을 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="265" />
        <source>The packet was not built.</source>
        <translation>패킷을 만들지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="279" />
        <source>Leak check passed: no registered name or term, in any spelling, in any of the %1 files (PDF text and metadata included). Signed by %2.</source>
        <translation>유출 검사 통과: %1개 파일(PDF 텍스트와 메타데이터 포함) 어디에도 등록된 이름이나 용어가 어떤 표기로도 없습니다. 서명: %2.</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="286" />
        <source>Rendering the pages…</source>
        <translation>페이지를 그리는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../export/dialog.py" line="314" />
        <source>Preview of submission.pdf · %n page(s) · %1</source>
        <translation><numerusform>submission.pdf 미리 보기 · %n쪽 · %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="329" />
        <source>Save packet</source>
        <translation>패킷 저장</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="329" />
        <source>Packets (*.zip)</source>
        <translation>패킷 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../export/dialog.py" line="344" />
        <source>Saved and verified: %1 (%2 bytes).</source>
        <translation>저장 및 검증 완료: %1 (%2바이트).</translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <location filename="../history.py" line="30" />
        <source>Interview %1, narrative</source>
        <translation>면담 %1, 진술</translation>
    </message>
    <message>
        <location filename="../history.py" line="31" />
        <source>Interview %1, translation</source>
        <translation>면담 %1, 번역</translation>
    </message>
    <message>
        <location filename="../history.py" line="32" />
        <source>Evidence quote %1</source>
        <translation>증거 인용 %1</translation>
    </message>
</context>
<context>
    <name>HistorySection</name>
    <message>
        <location filename="../history.py" line="64" />
        <source>When (UTC)</source>
        <translation>시각 (UTC)</translation>
    </message>
    <message>
        <location filename="../history.py" line="65" />
        <source>Who</source>
        <translation>작업자</translation>
    </message>
    <message>
        <location filename="../history.py" line="66" />
        <source>What</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../history.py" line="67" />
        <source>Details</source>
        <translation>세부 사항</translation>
    </message>
    <message>
        <location filename="../history.py" line="68" />
        <source>Entry hash</source>
        <translation>항목 해시</translation>
    </message>
    <message>
        <location filename="../history.py" line="75" />
        <source>Earlier versions of a text</source>
        <translation>텍스트의 이전 버전</translation>
    </message>
    <message>
        <location filename="../history.py" line="78" />
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location filename="../history.py" line="86" />
        <source>Audit trail (hash-chained; never holds case text)</source>
        <translation>감사 기록 (해시 체인, 사건 내용은 담지 않음)</translation>
    </message>
    <message>
        <location filename="../history.py" line="127" />
        <source>v%1 · %2 · %3</source>
        <translation>v%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>IdentitySection</name>
    <message>
        <location filename="../identity.py" line="52" />
        <source>The witness's identity is sealed. It is never shown in lists, titles or exports; reveal it only when nobody else can see the screen.</source>
        <translation>증언자의 신원은 봉인되어 있습니다. 목록, 창 제목, 내보내기에는 표시되지 않습니다. 다른 사람이 화면을 볼 수 없을 때만 여십시오.</translation>
    </message>
    <message>
        <location filename="../identity.py" line="57" />
        <source>Reveal identity</source>
        <translation>신원 보기</translation>
    </message>
    <message>
        <location filename="../identity.py" line="69" />
        <source>Name (Latin script)</source>
        <translation>이름 (로마자)</translation>
    </message>
    <message>
        <location filename="../identity.py" line="70" />
        <source>Name (Hangul)</source>
        <translation>이름 (한글)</translation>
    </message>
    <message>
        <location filename="../identity.py" line="71" />
        <source>Other spellings (comma-separated)</source>
        <translation>다른 표기 (쉼표로 구분)</translation>
    </message>
    <message>
        <location filename="../identity.py" line="72" />
        <source>Born (YYYY, YYYY-MM or YYYY-MM-DD)</source>
        <translation>출생 (YYYY, YYYY-MM 또는 YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../identity.py" line="73" />
        <source>Hometown</source>
        <translation>고향</translation>
    </message>
    <message>
        <location filename="../identity.py" line="74" />
        <source>Hometown (Hangul)</source>
        <translation>고향 (한글)</translation>
    </message>
    <message>
        <location filename="../identity.py" line="75" />
        <source>Home province (the only part an export shows)</source>
        <translation>출신 도 (내보내기에 표시되는 유일한 부분)</translation>
    </message>
    <message>
        <location filename="../identity.py" line="76" />
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <location filename="../identity.py" line="77" />
        <source>Occupation</source>
        <translation>직업</translation>
    </message>
    <message>
        <location filename="../identity.py" line="78" />
        <source>Internal reference</source>
        <translation>내부 참조 번호</translation>
    </message>
    <message>
        <location filename="../identity.py" line="90" />
        <source>male</source>
        <translation>남성</translation>
    </message>
    <message>
        <location filename="../identity.py" line="91" />
        <source>female</source>
        <translation>여성</translation>
    </message>
    <message>
        <location filename="../identity.py" line="92" />
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../identity.py" line="93" />
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../identity.py" line="98" />
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <location filename="../identity.py" line="99" />
        <source>Seal again</source>
        <translation>다시 봉인</translation>
    </message>
</context>
<context>
    <name>IndicatorsSection</name>
    <message>
        <location filename="../indicators.py" line="36" />
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../indicators.py" line="53" />
        <source>Add the narrative's selected passage</source>
        <translation>진술에서 선택한 구절 추가</translation>
    </message>
    <message>
        <location filename="../indicators.py" line="55" />
        <source>Remove quote</source>
        <translation>인용 삭제</translation>
    </message>
    <message>
        <location filename="../indicators.py" line="59" />
        <source>Select a passage in the Interviews tab, then add it here (or use “Quote selection as evidence for…” there). Double-click a quote to edit it.</source>
        <translation>면담 탭에서 구절을 선택한 뒤 여기에서 추가하십시오(또는 그곳의 “선택한 구절을 증거로 인용…”을 사용하십시오). 인용을 두 번 클릭하면 수정할 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../indicators.py" line="99" />
        <source>%n evidence quote(s)</source>
        <translation><numerusform>증거 인용 %n건</numerusform></translation>
    </message>
</context>
<context>
    <name>InterviewsSection</name>
    <message>
        <location filename="../interviews.py" line="84" />
        <source>Add interview</source>
        <translation>면담 추가</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="92" />
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="93" />
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="94" />
        <source>Interviewer</source>
        <translation>면담자</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="95" />
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="106" />
        <source>Narrative</source>
        <translation>진술</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="107" />
        <source>Translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="113" />
        <source>Quote selection as evidence for…</source>
        <translation>선택한 구절을 증거로 인용…</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="116" />
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="123" />
        <source>&lt;span style="background:#f6c9c9"&gt;&amp;nbsp;registered: replaced in exports&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style="background:#fff0b3"&gt;&amp;nbsp;suggestion: review before export&amp;nbsp;&lt;/span&gt;</source>
        <translation>&lt;span style="background:#f6c9c9"&gt;&amp;nbsp;등록됨: 내보낼 때 대체&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style="background:#fff0b3"&gt;&amp;nbsp;제안: 내보내기 전에 검토&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="144" />
        <source>Interview %1</source>
        <translation>면담 %1</translation>
    </message>
    <message>
        <location filename="../interviews.py" line="203" />
        <source>Select a passage of the narrative first.</source>
        <translation>먼저 진술에서 구절을 선택하십시오.</translation>
    </message>
</context>
<context>
    <name>PeopleSection</name>
    <message>
        <location filename="../people.py" line="80" />
        <source>Pseudonym in exports</source>
        <translation>내보내기 가명</translation>
    </message>
    <message>
        <location filename="../people.py" line="81" />
        <source>Relation</source>
        <translation>관계</translation>
    </message>
    <message>
        <location filename="../people.py" line="82" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../people.py" line="83" />
        <source>Name (Hangul)</source>
        <translation>이름 (한글)</translation>
    </message>
    <message>
        <location filename="../people.py" line="84" />
        <source>Where they live</source>
        <translation>거주지</translation>
    </message>
    <message>
        <location filename="../people.py" line="85" />
        <source>Identifying details</source>
        <translation>신원 식별 정보</translation>
    </message>
    <message>
        <location filename="../people.py" line="91" />
        <source>Term</source>
        <translation>용어</translation>
    </message>
    <message>
        <location filename="../people.py" line="92" />
        <source>Term (Hangul)</source>
        <translation>용어 (한글)</translation>
    </message>
    <message>
        <location filename="../people.py" line="93" />
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <location filename="../people.py" line="111" />
        <source>Everything here is replaced in every export, in every spelling the app can derive (Latin and Hangul). Double-click a cell to edit it.</source>
        <translation>여기 있는 모든 것은 앱이 만들 수 있는 모든 표기(로마자와 한글)로 모든 내보내기에서 대체됩니다. 칸을 두 번 클릭하면 수정할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../people.py" line="120" />
        <source>Relatives</source>
        <translation>가족</translation>
    </message>
    <message>
        <location filename="../people.py" line="129" />
        <source>Sensitive terms (work units, villages, events…)</source>
        <translation>민감 용어 (작업 단위, 마을, 사건…)</translation>
    </message>
    <message>
        <location filename="../people.py" line="146" />
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../people.py" line="148" />
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../people.py" line="167" />
        <source>relative</source>
        <translation>가족</translation>
    </message>
    <message>
        <location filename="../people.py" line="170" />
        <source>new term</source>
        <translation>새 용어</translation>
    </message>
</context>
<context>
    <name>RedactionReview</name>
    <message>
        <location filename="../../review/widget.py" line="60" />
        <location filename="../../review/widget.py" line="230" />
        <location filename="../../review/widget.py" line="240" />
        <source>Export…</source>
        <extracomment>``list[int]``: the case to export (the button is enabled only when nothing is pending). emitted after decisions were stored in the vault. ``int``: suggestions still waiting for a decision, after each refresh.</extracomment>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="68" />
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="69" />
        <source>Found</source>
        <translation>발견</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="70" />
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="71" />
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="72" />
        <source>Decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="90" />
        <source>Accept</source>
        <translation>수락</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="91" />
        <source>Reject</source>
        <translation>거부</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="92" />
        <source>Accept all occurrences</source>
        <translation>모든 곳에서 수락</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="93" />
        <source>Reject all occurrences</source>
        <translation>모든 곳에서 거부</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="94" />
        <source>Next unreviewed</source>
        <translation>다음 미검토 항목</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="115" />
        <source>Original</source>
        <translation>원문</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="116" />
        <source>As exported</source>
        <translation>내보낼 내용</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="160" />
        <source>%1 of %2 suggestions remain to be reviewed</source>
        <translation>제안 %2건 중 %1건이 검토를 기다립니다</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="165" />
        <source>All %1 suggestions reviewed; registered terms are replaced automatically.</source>
        <translation>제안 %1건 모두 검토했습니다. 등록된 용어는 자동으로 대체됩니다.</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="178" />
        <source>witness's name</source>
        <translation>증언자 이름</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="179" />
        <source>relative's name</source>
        <translation>가족 이름</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="180" />
        <source>hometown</source>
        <translation>고향</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="181" />
        <source>phone number</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="182" />
        <source>case reference</source>
        <translation>사건 참조 번호</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="183" />
        <source>relative's location</source>
        <translation>가족 거주지</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="184" />
        <source>identifying detail</source>
        <translation>신원 식별 정보</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="185" />
        <source>interview place</source>
        <translation>면담 장소</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="186" />
        <source>interviewer</source>
        <translation>면담자</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="187" />
        <location filename="../../review/widget.py" line="188" />
        <source>date of birth</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="189" />
        <location filename="../../review/widget.py" line="190" />
        <source>document number</source>
        <translation>문서 번호</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="191" />
        <source>e-mail address</source>
        <translation>전자우편 주소</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="192" />
        <source>possible name</source>
        <translation>이름으로 보임</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="193" />
        <source>work unit</source>
        <translation>작업 단위</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="194" />
        <source>village</source>
        <translation>마을</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="195" />
        <source>employer</source>
        <translation>고용주</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="196" />
        <source>event</source>
        <translation>사건</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="197" />
        <source>place</source>
        <translation>장소</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="198" />
        <source>organisation</source>
        <translation>조직</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="199" />
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="204" />
        <source>registered term</source>
        <translation>등록된 용어</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="205" />
        <source>pattern</source>
        <translation>패턴</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="206" />
        <source>name suggestion</source>
        <translation>이름 제안</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="211" />
        <source>to review</source>
        <translation>검토 필요</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="212" />
        <source>accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="213" />
        <source>rejected</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="214" />
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="231" />
        <source>Checking the redactions…</source>
        <translation>가림 처리를 확인하는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../review/widget.py" line="234" />
        <source>Export: %n suggestion(s) still to review</source>
        <translation><numerusform>내보내기: 검토할 제안 %n건 남음</numerusform></translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="237" />
        <source>Every suggestion needs a decision before this case can be exported.</source>
        <translation>이 사건을 내보내려면 모든 제안에 결정이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../review/widget.py" line="241" />
        <source>Choose the target and preview the packet.</source>
        <translation>수신처를 고르고 패킷을 미리 보십시오.</translation>
    </message>
</context>
<context>
    <name>WageEditor</name>
    <message>
        <location filename="../deployments.py" line="45" />
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="52" />
        <source>per hour</source>
        <translation>시간당</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="53" />
        <source>per day</source>
        <translation>일당</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="54" />
        <source>per week</source>
        <translation>주당</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="55" />
        <source>per month</source>
        <translation>월</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="56" />
        <source>per year</source>
        <translation>연</translation>
    </message>
    <message>
        <location filename="../deployments.py" line="57" />
        <source>for the contract</source>
        <translation>계약 전체</translation>
    </message>
</context>
</TS>