<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="55"/>
        <source>Welcome to the OneStop service kiosk</source>
        <translation>歡迎使用一站式自助服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57"/>
        <source>Insert your ID card to apply for a service, or touch the button below.</source>
        <translation>請插入身份證辦理業務，或按下方按鈕開始。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="59"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="60"/>
        <source>Insert demo card</source>
        <translation>插入示範證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="61"/>
        <source>Please take your ID card from the reader.</source>
        <translation>請取回您的身份證。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62"/>
        <source>Take demo card</source>
        <translation>取出示範證件</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <location filename="../../ui/screens/catalog.py" line="92"/>
        <source>Choose a service</source>
        <translation>請選擇辦理事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="93"/>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="94"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="96"/>
        <source>All services</source>
        <translation>全部事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="97"/>
        <source>Business registration</source>
        <translation>商事登記</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="98"/>
        <source>Tax</source>
        <translation>稅務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="99"/>
        <source>Social affairs</source>
        <translation>社會事務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="100"/>
        <source>Construction and planning</source>
        <translation>工程建設</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="101"/>
        <source>Household and civil affairs</source>
        <translation>戶政民政</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="102"/>
        <source>Requests and complaints</source>
        <translation>諮詢與投訴</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="111"/>
        <source>Loading the list of services…</source>
        <translation>正在載入辦理事項…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="133"/>
        <source>The service list cannot be loaded right now. Please try again.</source>
        <translation>暫時無法載入辦理事項，請再試一次。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/catalog.py" line="153"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 個工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/screens/form.py" line="128"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="129"/>
        <source>Next: check and submit</source>
        <translation>下一步：核對並送出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="136"/>
        <source>Please have these ready: %1</source>
        <translation>請備妥以下材料：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="187"/>
        <source>Please fill this in.</source>
        <translation>此項必填。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="188"/>
        <source>This is too long.</source>
        <translation>內容太長。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="189"/>
        <source>Please enter a number.</source>
        <translation>請輸入數字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="190"/>
        <source>This number is outside the allowed range.</source>
        <translation>數值超出允許範圍。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="191"/>
        <source>Please enter a date as YYYY-MM-DD.</source>
        <translation>請按「年-月-日」輸入日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="192"/>
        <source>Please choose one of the options.</source>
        <translation>請選擇其中一項。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="193"/>
        <source>Please enter a phone number (7 to 15 digits).</source>
        <translation>請輸入電話號碼（7 至 15 位數字）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="194"/>
        <source>This ID number is not valid.</source>
        <translation>身份證號碼不正確。</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/widgets.py" line="104"/>
        <source>OneStop Self-Service</source>
        <translation>一站式自助服務</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="105"/>
        <source>Offline: applications are kept and sent later</source>
        <translation>離線中：申請會先保存，稍後自動送出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets.py" line="120"/>
        <source>%n second(s) left</source>
        <translation>
            <numerusform>剩餘 %n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/screens/identify.py" line="53"/>
        <source>Please insert your ID card into the reader</source>
        <translation>請將身份證插入讀卡器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="55"/>
        <source>The reader is below the screen. Keep the card in until you finish.</source>
        <translation>讀卡器在螢幕下方。辦理完成前請勿取出證件。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="57"/>
        <source>Insert demo card</source>
        <translation>插入示範證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="58"/>
        <source>Continue without a card</source>
        <translation>不插卡，繼續</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="59"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="73"/>
        <source>This card has expired. Please use a valid ID card or ask the staff.</source>
        <translation>此證件已過期。請使用有效證件，或洽詢工作人員。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="78"/>
        <source>The card could not be read. Please take it out and insert it again, chip first. If it still fails, please ask the staff.</source>
        <translation>無法讀取此證件。請取出後重新插入（晶片朝內）；如仍無法讀取，請洽詢工作人員。</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../../ui/screens/menu.py" line="59"/>
        <source>Hello, %1</source>
        <translation>您好，%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="63"/>
        <source>Welcome</source>
        <translation>歡迎使用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="64"/>
        <source>Apply for a service (needs your ID card)</source>
        <translation>申辦事項（須插入身分證）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="65"/>
        <source>Finish</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="66"/>
        <source>What would you like to do today?</source>
        <translation>請問您今天要辦理什麼？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="67"/>
        <source>Check my applications</source>
        <translation>查詢辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="68"/>
        <source>Take a queue number</source>
        <translation>取號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="69"/>
        <source>Hotline: ask, suggest, complain</source>
        <translation>12345 熱線：諮詢、建議、投訴</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="60"/>
        <source>Apply for a service</source>
        <translation>辦理業務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="61"/>
        <source>Finish and take my card</source>
        <translation>結束並取回證件</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../../ui/screens/receipt.py" line="64"/>
        <source>Your application has been received</source>
        <translation>您的申請已受理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="72"/>
        <source>Application number</source>
        <translation>申請編號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="65"/>
        <source>Scan to check progress</source>
        <translation>掃碼查詢辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="66"/>
        <source>Apply for another service</source>
        <translation>辦理其他業務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="67"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="72"/>
        <source>Provisional number</source>
        <translation>臨時編號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="77"/>
        <source>Saved on this kiosk. It is sent to the service hall as soon as the network is back; the code on your receipt then shows its progress.</source>
        <translation>已保存於本機。網路恢復後會立即送往服務大廳；屆時掃描回執上的條碼即可查詢進度。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="83"/>
        <source>Promised completion: %1</source>
        <translation>承諾辦結日期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="88"/>
        <source>Please take your receipt from the printer.</source>
        <translation>請從出紙口取走回執。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="90"/>
        <source>The receipt printer is not available. Please note your application number, or ask the staff to print the receipt for you.</source>
        <translation>回執印表機暫時無法使用。請記下申請編號，或請工作人員為您列印回執。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="94"/>
        <source>The receipt could not be printed completely. Please ask the staff for a reprint; your application is safe.</source>
        <translation>回執未能完整列印，請洽工作人員補印；您的申請已成功受理。</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="47"/>
        <source>Please check your application</source>
        <translation>請核對申請內容</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="48"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="49"/>
        <source>Submit application</source>
        <translation>確認送出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="59"/>
        <source>The service centre could not accept this application. Please check the form or ask the staff.</source>
        <translation>服務中心未能受理此申請。請檢查填寫內容，或洽詢工作人員。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="55"/>
        <source>This kiosk cannot take applications right now. Nothing was sent. Please ask the staff, or use a counter.</source>
        <translation>本機暫時無法受理申請，資料未送出。請洽詢工作人員，或至櫃台辦理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="72"/>
        <source>Service</source>
        <translation>辦理事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="73"/>
        <source>Department</source>
        <translation>受理部門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="74"/>
        <source>Applicant</source>
        <translation>申請人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="75"/>
        <source>ID number</source>
        <translation>證件號碼</translation>
    </message>
</context>
<context>
    <name>SubmittingScreen</name>
    <message>
        <location filename="../../ui/screens/submitting.py" line="32"/>
        <source>Submitting your application…</source>
        <translation>正在送出申請…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/submitting.py" line="33"/>
        <source>This takes a few seconds. Please wait.</source>
        <translation>需要幾秒鐘，請稍候。</translation>
    </message>
</context>
</TS>
