# ruff: noqa: E501  (a translation table: long Korean lines read better unbroken)
"""Fill the Korean translations of the editor/review/export strings into a .ts file.

    pyside6-lupdate nkcase/gui/{editor,review,export}/*.py -ts editor_ko.ts
    python -m nkcase.gui.editor.i18n.fill_ko editor_ko.ts

The shell merges the result into resources/translations/nkcase_ko.ts (lconvert).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

KO = {
    "en": "ko",
    "Case pseudonym": "사건 가명",
    "Interviews": "면담",
    "Identity (sealed)": "신원 (봉인)",
    "Relatives and terms": "가족과 민감 용어",
    "Deployments": "파견",
    "ILO indicators": "ILO 지표",
    "Consent": "동의",
    "Redaction review": "가림 처리 검토",
    "History": "이력",
    "1 interview": "면담 1건",
    "%1 interviews": "면담 %1건",
    "Saving…": "저장 중…",
    "Unsaved typing…": "저장되지 않은 입력…",
    "Saved at %1": "%1에 저장됨",
    "G2 · share an anonymised packet with…": "G2 · 익명 처리된 패킷 공유 대상…",
    "Communications go to the governments concerned (the DPRK included).": "서한은 관련 정부(북한 포함)에 전달됩니다.",
    "G3 · OHCHR may know the identity in confidence": "G3 · OHCHR이 신원을 비공개로 알 수 있음",
    "G4 · identity may appear in a letter to a government": "G4 · 정부에 보내는 서한에 신원 기재 가능",
    "The DPRK and the host state receive such letters.": "북한과 체류국 정부가 이 서한을 받습니다.",
    "none": "없음",
    "initials": "이니셜",
    "name": "이름",
    "not asked": "묻지 않음",
    "yes": "예",
    "no": "아니요",
    "G5 · public attribution": "G5 · 공개 표기",
    "G6 · follow-up contact allowed": "G6 · 후속 연락 허용",
    "Consent given on": "동의 일자",
    "Consent form version": "동의서 버전",
    "Language of the form": "동의서 언어",
    "Withdrawal": "동의 철회",
    "Record withdrawal": "철회 기록",
    "Withdrawn on": "철회 일자",
    "Consent was withdrawn on %1. This case can never be exported again.": "%1에 동의가 철회되었습니다. 이 사건은 다시는 내보낼 수 없습니다.",
    "If the witness withdraws consent, record the date: every later export of this case is "
    "blocked.": "증언자가 동의를 철회하면 날짜를 기록하십시오. 이후 이 사건의 모든 내보내기가 차단됩니다.",
    "Identity in letters to governments": "정부 서한에 신원 기재",
    "Special-procedures letters go to the governments concerned, the DPRK and the host state "
    "included. Record that the witness agreed to this?": "특별절차 서한은 북한과 체류국을 포함한 관련 정부에 전달됩니다. 증언자가 이에 동의했다고 기록하시겠습니까?",
    "After this, the case can no longer be exported to anyone. Continue?": "이후 이 사건은 누구에게도 내보낼 수 없습니다. 계속하시겠습니까?",
    "Country": "국가",
    "Sector": "업종",
    "Period": "기간",
    "Wages withheld": "임금 공제율",
    "not known": "알 수 없음",
    "unknown": "알 수 없음",
    "the worker": "본인",
    "a minder": "감시원(지도원)",
    "the company": "회사",
    "the DPRK embassy": "북한 대사관",
    "the dispatching entity": "파견 기관",
    "someone else": "기타",
    "escaped": "탈출",
    "end of contract": "계약 만료",
    "recalled": "소환",
    "injury": "부상",
    "other": "기타",
    "Region": "지역",
    "Site": "작업장",
    "Employer": "고용주",
    "Dispatching entity": "파견 기관",
    "From": "시작",
    "Until": "종료",
    "Wage promised": "약속된 임금",
    "Wage received": "실제 받은 임금",
    "Share withheld": "공제된 비율",
    "Hours per day": "하루 노동 시간",
    "Rest days per month": "월 휴일 수",
    "Passport held by": "여권 보관자",
    "How they left": "귀국·이탈 경위",
    "Add deployment": "파견 추가",
    "Remove": "삭제",
    "needs both wages in the same currency and period": "두 임금의 통화와 기간이 같아야 합니다",
    "Export a testimony packet": "증언 패킷 내보내기",
    "Pattern submission (statistics across the cases, no individual)": "패턴 제출 (여러 사건의 통계, 개인 정보 없음)",
    "case number or pseudonym": "사건 번호 또는 가명",
    "Add case": "사건 추가",
    "Case": "사건",
    "Consent for this target": "이 수신처에 대한 동의",
    "Build and preview": "만들고 미리 보기",
    "Send to": "수신처",
    "No preview yet.": "아직 미리 보기가 없습니다.",
    "Save packet…": "패킷 저장…",
    "Close": "닫기",
    "Letters go to the governments concerned, the DPRK and the host state included.": "서한은 북한과 체류국을 포함한 관련 정부에 전달됩니다.",
    "allowed": "허용",
    "reviewed": "검토 완료",
    "%n suggestion(s) to review": "검토할 제안 %n건",
    "Several cases: tick “Pattern submission”, or export them one by one.": "여러 사건입니다: “패턴 제출”을 선택하거나 한 건씩 내보내십시오.",
    "Nothing can be exported to this target yet.": "아직 이 수신처로 내보낼 수 있는 사건이 없습니다.",
    "Left out of this packet: %1.": "이 패킷에서 제외됨: %1.",
    "Ready to build.": "만들 준비가 되었습니다.",
    "Building, signing and checking the packet…": "패킷을 만들고 서명하고 검사하는 중…",
    "Building the packet…": "패킷을 만드는 중…",
    "The packet was not built.": "패킷을 만들지 못했습니다.",
    "Leak check passed: no registered name or term, in any spelling, in any of the %1 files "
    "(PDF text and metadata included). Signed by %2.": "유출 검사 통과: %1개 파일(PDF 텍스트와 메타데이터 포함) 어디에도 등록된 이름이나 용어가 "
    "어떤 표기로도 없습니다. 서명: %2.",
    "Rendering the pages…": "페이지를 그리는 중…",
    "Preview of submission.pdf · %n page(s) · %1": "submission.pdf 미리 보기 · %n쪽 · %1",
    "Save packet": "패킷 저장",
    "Packets (*.zip)": "패킷 (*.zip)",
    "Saved and verified: %1 (%2 bytes).": "저장 및 검증 완료: %1 (%2바이트).",
    "When (UTC)": "시각 (UTC)",
    "Who": "작업자",
    "What": "작업",
    "Details": "세부 사항",
    "Entry hash": "항목 해시",
    "Earlier versions of a text": "텍스트의 이전 버전",
    "Text": "텍스트",
    "Audit trail (hash-chained; never holds case text)": "감사 기록 (해시 체인, 사건 내용은 담지 않음)",
    "v%1 · %2 · %3": "v%1 · %2 · %3",
    "The witness's identity is sealed. It is never shown in lists, titles or exports; reveal it "
    "only when nobody else can see the screen.": "증언자의 신원은 봉인되어 있습니다. 목록, 창 제목, 내보내기에는 표시되지 않습니다. "
    "다른 사람이 화면을 볼 수 없을 때만 여십시오.",
    "Reveal identity": "신원 보기",
    "Name (Latin script)": "이름 (로마자)",
    "Name (Hangul)": "이름 (한글)",
    "Other spellings (comma-separated)": "다른 표기 (쉼표로 구분)",
    "Born (YYYY, YYYY-MM or YYYY-MM-DD)": "출생 (YYYY, YYYY-MM 또는 YYYY-MM-DD)",
    "Hometown": "고향",
    "Hometown (Hangul)": "고향 (한글)",
    "Home province (the only part an export shows)": "출신 도 (내보내기에 표시되는 유일한 부분)",
    "Phone": "전화",
    "Occupation": "직업",
    "Internal reference": "내부 참조 번호",
    "male": "남성",
    "female": "여성",
    "Sex": "성별",
    "Seal again": "다시 봉인",
    "Add the narrative's selected passage": "진술에서 선택한 구절 추가",
    "Remove quote": "인용 삭제",
    "Select a passage in the Interviews tab, then add it here (or use “Quote selection as evidence "
    "for…” there). Double-click a quote to edit it.": "면담 탭에서 구절을 선택한 뒤 여기에서 추가하십시오(또는 그곳의 “선택한 구절을 증거로 인용…”"
    "을 사용하십시오). 인용을 두 번 클릭하면 수정할 수 있습니다.",
    "%n evidence quote(s)": "증거 인용 %n건",
    "Add interview": "면담 추가",
    "Date": "날짜",
    "Place": "장소",
    "Interviewer": "면담자",
    "Language": "언어",
    "Narrative": "진술",
    "Translation": "번역",
    "Quote selection as evidence for…": "선택한 구절을 증거로 인용…",
    '<span style="background:#f6c9c9">&nbsp;registered: replaced in exports&nbsp;</span>&nbsp;'
    '&nbsp;<span style="background:#fff0b3">&nbsp;suggestion: review before export&nbsp;</span>': '<span style="background:#f6c9c9">&nbsp;등록됨: 내보낼 때 대체&nbsp;</span>&nbsp;&nbsp;'
    '<span style="background:#fff0b3">&nbsp;제안: 내보내기 전에 검토&nbsp;</span>',
    "Interview %1": "면담 %1",
    "Select a passage of the narrative first.": "먼저 진술에서 구절을 선택하십시오.",
    "Pseudonym in exports": "내보내기 가명",
    "Relation": "관계",
    "Name": "이름",
    "Where they live": "거주지",
    "Identifying details": "신원 식별 정보",
    "Term": "용어",
    "Term (Hangul)": "용어 (한글)",
    "Category": "분류",
    "Everything here is replaced in every export, in every spelling the app can derive (Latin and "
    "Hangul). Double-click a cell to edit it.": "여기 있는 모든 것은 앱이 만들 수 있는 모든 표기(로마자와 한글)로 모든 내보내기에서 "
    "대체됩니다. 칸을 두 번 클릭하면 수정할 수 있습니다.",
    "Relatives": "가족",
    "Sensitive terms (work units, villages, events…)": "민감 용어 (작업 단위, 마을, 사건…)",
    "Add": "추가",
    "relative": "가족",
    "new term": "새 용어",
    "Export…": "내보내기…",
    "Where": "위치",
    "Found": "발견",
    "Source": "출처",
    "Decision": "결정",
    "Accept": "수락",
    "Reject": "거부",
    "Accept all occurrences": "모든 곳에서 수락",
    "Reject all occurrences": "모든 곳에서 거부",
    "Next unreviewed": "다음 미검토 항목",
    "Original": "원문",
    "As exported": "내보낼 내용",
    "%1 of %2 suggestions remain to be reviewed": "제안 %2건 중 %1건이 검토를 기다립니다",
    "All %1 suggestions reviewed; registered terms are replaced automatically.": "제안 %1건 모두 검토했습니다. 등록된 용어는 자동으로 대체됩니다.",
    "registered term": "등록된 용어",
    "pattern": "패턴",
    "name suggestion": "이름 제안",
    "to review": "검토 필요",
    "accepted": "수락됨",
    "rejected": "거부됨",
    "automatic": "자동",
    "Checking the redactions…": "가림 처리를 확인하는 중…",
    "Export: %n suggestion(s) still to review": "내보내기: 검토할 제안 %n건 남음",
    "Every suggestion needs a decision before this case can be exported.": "이 사건을 내보내려면 모든 제안에 결정이 필요합니다.",
    "Choose the target and preview the packet.": "수신처를 고르고 패킷을 미리 보십시오.",
    "per hour": "시간당",
    "per day": "일당",
    "per week": "주당",
    "per month": "월",
    "per year": "연",
    "for the contract": "계약 전체",
    "Interview %1, narrative": "면담 %1, 진술",
    "witness's name": "증언자 이름",
    "relative's name": "가족 이름",
    "hometown": "고향",
    "phone number": "전화번호",
    "case reference": "사건 참조 번호",
    "relative's location": "가족 거주지",
    "identifying detail": "신원 식별 정보",
    "interview place": "면담 장소",
    "interviewer": "면담자",
    "date of birth": "생년월일",
    "document number": "문서 번호",
    "e-mail address": "전자우편 주소",
    "possible name": "이름으로 보임",
    "work unit": "작업 단위",
    "village": "마을",
    "employer": "고용주",
    "event": "사건",
    "place": "장소",
    "organisation": "조직",
    "Interview %1, translation": "면담 %1, 번역",
    "Evidence quote %1": "증거 인용 %1",
}


def fill(path: str) -> list[str]:
    """Write the translations into ``path``; return the sources still untranslated."""
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", "ko_KR")
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source not in KO:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            form = ET.SubElement(translation, "numerusform")
            form.text = KO[source]
        else:
            translation.text = KO[source]
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(sys.argv[1])
    for source in left:
        print(f"untranslated: {source!r}", file=sys.stderr)
    sys.exit(1 if left else 0)
