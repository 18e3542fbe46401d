"""The fixed words printed on receipts and tickets, in each language the kiosk speaks.

Receipts are laid out without Qt, so these do not go through ``tr()``; every language must
carry every label (a test checks).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n import Language


@dataclass(frozen=True)
class ReceiptLabels:
    title: str
    subtitle: str  # stands in for the hall name until configuration provides one
    number: str
    service: str
    applicant: str
    id_number: str
    submitted_at: str
    promised_by: str
    kiosk: str
    scan_hint: str
    queue_title: str
    people_ahead: str
    estimated_wait: str
    minutes: str
    wait_unknown: str
    issued_at: str
    queue_hint: str
    hotline_title: str
    hotline_subtitle: str
    request_number: str
    category: str
    subject: str
    status_title: str
    current_status: str
    overdue: str
    printed_at: str
    history: str
    test_title: str
    test_printer: str
    test_columns: str
    provisional_number: str
    provisional_note: str
    hotline_provisional_note: str
    anonymous: str  # in place of a name on an anonymous hotline request


LABELS: dict[Language, ReceiptLabels] = {
    Language.ZH_HANT: ReceiptLabels(
        title="受理回執",
        subtitle="一站式服務",
        number="申請編號",
        service="辦理事項",
        applicant="申請人",
        id_number="證件號碼",
        submitted_at="受理時間",
        promised_by="承諾辦結日期",
        kiosk="自助終端",
        scan_hint="掃描二維碼查詢辦理進度",
        queue_title="排隊號碼",
        people_ahead="前面等候人數",
        estimated_wait="預計等候",
        minutes="分鐘",
        wait_unknown="稍候公佈",
        issued_at="取號時間",
        queue_hint="請留意叫號螢幕與廣播，過號請重新取號",
        hotline_title="訴求受理單",
        hotline_subtitle="12345 政務服務便民熱線",
        request_number="訴求編號",
        category="類別",
        subject="主題",
        status_title="辦理進度",
        current_status="目前狀態",
        overdue="已逾期",
        printed_at="列印時間",
        history="辦理紀錄",
        test_title="印表機測試頁",
        test_printer="印表機",
        test_columns="每行字數",
        provisional_number="臨時編號",
        provisional_note="本申請已存於本機，網路恢復後自動送出；稍後掃描下方條碼可查詢進度。",
        hotline_provisional_note="本訴求已存於本機，網路恢復後自動送出。查詢時請提供上方臨時編號。",
        anonymous="匿名",
    ),
    Language.ZH_HANS: ReceiptLabels(
        title="受理回执",
        subtitle="一站式服务",
        number="申请编号",
        service="办理事项",
        applicant="申请人",
        id_number="证件号码",
        submitted_at="受理时间",
        promised_by="承诺办结日期",
        kiosk="自助终端",
        scan_hint="扫描二维码查询办理进度",
        queue_title="排队号码",
        people_ahead="前面等候人数",
        estimated_wait="预计等候",
        minutes="分钟",
        wait_unknown="稍后公布",
        issued_at="取号时间",
        queue_hint="请留意叫号屏幕与广播，过号请重新取号",
        hotline_title="诉求受理单",
        hotline_subtitle="12345 政务服务便民热线",
        request_number="诉求编号",
        category="类别",
        subject="主题",
        status_title="办理进度",
        current_status="当前状态",
        overdue="已逾期",
        printed_at="打印时间",
        history="办理记录",
        test_title="打印机测试页",
        test_printer="打印机",
        test_columns="每行字数",
        provisional_number="临时编号",
        provisional_note="本申请已存于本机，网络恢复后自动送出；稍后扫描下方条码可查询进度。",
        hotline_provisional_note="本诉求已存于本机，网络恢复后自动送出。查询时请提供上方临时编号。",
        anonymous="匿名",
    ),
    Language.EN: ReceiptLabels(
        title="Application receipt",
        subtitle="OneStop service",
        number="Application no.",
        service="Service",
        applicant="Applicant",
        id_number="ID number",
        submitted_at="Submitted",
        promised_by="Promised by",
        kiosk="Kiosk",
        scan_hint="Scan to check progress",
        queue_title="Queue ticket",
        people_ahead="People ahead",
        estimated_wait="Estimated wait",
        minutes="min",
        wait_unknown="to be announced",
        issued_at="Issued",
        queue_hint="Watch the display for your number; a missed number needs a new ticket",
        hotline_title="Request receipt",
        hotline_subtitle="12345 citizen service hotline",
        request_number="Request no.",
        category="Category",
        subject="Subject",
        status_title="Application progress",
        current_status="Status",
        overdue="overdue",
        printed_at="Printed",
        history="History",
        test_title="Printer test page",
        test_printer="Printer",
        test_columns="Columns",
        provisional_number="Provisional no.",
        provisional_note="Saved on this kiosk; it is sent to the hall as soon as the network "
        "is back. Scan the code later to follow it.",
        hotline_provisional_note="Saved on this kiosk; it is sent to the hotline as soon as the "
        "network is back. Quote the provisional number above to follow it up.",
        anonymous="Anonymous",
    ),
}
