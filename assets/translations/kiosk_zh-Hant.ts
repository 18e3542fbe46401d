<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/screens/admin.py" line="184"/>
        <source>Staff mode</source>
        <translation>工作人員模式</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="185"/>
        <source>Everything done here is recorded in the log.</source>
        <translation>此處的每項操作都會記錄在日誌中。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="187"/>
        <source>Device health</source>
        <translation>設備狀態</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="188"/>
        <source>Printer</source>
        <translation>印表機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="189"/>
        <source>Card reader</source>
        <translation>讀卡機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="190"/>
        <source>This kiosk</source>
        <translation>本機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="191"/>
        <source>Log</source>
        <translation>日誌</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="195"/>
        <source>Leave to maintenance</source>
        <translation>退出程式以便維護</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="196"/>
        <source>Leave staff mode</source>
        <translation>離開工作人員模式</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="199"/>
        <source>Leaving to maintenance closes the kiosk program. Citizens cannot use this kiosk until it is started again. Continue?</source>
        <translation>退出維護會關閉服務機程式，重新啟動之前民眾無法使用本機。要繼續嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="203"/>
        <source>Continue</source>
        <translation>繼續</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="204"/>
        <location filename="../../ui/screens/admin.py" line="207"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="205"/>
        <source>Close the kiosk program now?</source>
        <translation>現在就關閉服務機程式嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="206"/>
        <source>Close the program</source>
        <translation>關閉程式</translation>
    </message>
</context>
<context>
    <name>ApplicationCard</name>
    <message>
        <location filename="../../ui/screens/status_card.py" line="118"/>
        <source>Provisional number: %1</source>
        <translation>臨時編號：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="118"/>
        <source>Application number: %1</source>
        <translation>申請編號：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="124"/>
        <source>Waiting to be sent</source>
        <translation>等待送出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="126"/>
        <source>Status: %1</source>
        <translation>目前狀態：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="131"/>
        <source>Promised by: %1</source>
        <translation>承諾辦結日期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="136"/>
        <source>Late: decided after the promised date (%1).</source>
        <translation>已逾期：超過承諾日期（%1）才辦結。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="138"/>
        <source>Overdue: not decided by the promised date (%1).</source>
        <translation>已逾期：已超過承諾日期（%1），尚未辦結。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="145"/>
        <source>Last known status, as of %1. It may be out of date: the service centre could not be asked just now.</source>
        <translation>這是本機在 %1 查到的最後狀態，可能已經過時：目前無法向服務中心查詢。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="149"/>
        <source>Filed at this kiosk at %1 and waiting to be sent to the service hall. It is sent as soon as the network is back.</source>
        <translation>已於 %1 在本機申辦，正等待送往服務大廳。網路恢復後會立即送出。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="155"/>
        <source>Steps so far</source>
        <translation>辦理紀錄</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="160"/>
        <source>Note from the hall: %1</source>
        <translation>承辦人員說明：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="161"/>
        <source>Print</source>
        <translation>列印</translation>
    </message>
</context>
<context>
    <name>ApplicationState</name>
    <message>
        <location filename="../../ui/screens/status_card.py" line="20"/>
        <source>Submitted</source>
        <translation>已送出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="21"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="22"/>
        <source>In review</source>
        <translation>審核中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="23"/>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="24"/>
        <source>Not approved</source>
        <translation>未核准</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="25"/>
        <source>Completed</source>
        <translation>已辦結</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="87"/>
        <source>Welcome to the OneStop service kiosk</source>
        <translation>歡迎使用一站式自助服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="89"/>
        <source>Insert your ID card to apply for a service, or touch the button below.</source>
        <translation>請插入身分證辦理業務，或按下方按鈕開始。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="91"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="92"/>
        <source>Insert demo card</source>
        <translation>插入示範證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="20"/>
        <source>Please take your ID card from the reader.</source>
        <translation>請取回您的身分證。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="94"/>
        <source>Take demo card</source>
        <translation>取出示範證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="106"/>
        <source>Large text</source>
        <translation>放大字體</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="107"/>
        <source>High contrast</source>
        <translation>高對比</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="108"/>
        <source>Care mode for seniors</source>
        <translation>長輩模式</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="68"/>
        <source>Card reader test</source>
        <translation>讀卡機測試</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="70"/>
        <source>Insert or place an ID card. Only the masked name and number are shown.</source>
        <translation>請插入或放上身分證。只會顯示遮蔽後的姓名和號碼。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="72"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="73"/>
        <source>ID number</source>
        <translation>身分證號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="74"/>
        <source>Insert demo card</source>
        <translation>插入示範卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="75"/>
        <source>Take demo card</source>
        <translation>取出示範卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="112"/>
        <source>Waiting for a card…</source>
        <translation>等待放卡…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="113"/>
        <source>The card was read. The reader works.</source>
        <translation>已讀到卡片，讀卡機正常。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="114"/>
        <source>The card could not be read: %1</source>
        <translation>無法讀取卡片：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="115"/>
        <source>The card was taken out. Insert another to test again.</source>
        <translation>卡片已取出。再插入一張卡可以再測試。</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <location filename="../../ui/screens/catalog.py" line="106"/>
        <source>Choose a service</source>
        <translation>請選擇辦理事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="107"/>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="108"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="110"/>
        <source>All services</source>
        <translation>全部事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="111"/>
        <source>Business registration</source>
        <translation>商事登記</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="112"/>
        <source>Tax</source>
        <translation>稅務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="113"/>
        <source>Social affairs</source>
        <translation>社會事務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="114"/>
        <source>Construction and planning</source>
        <translation>工程建設</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="115"/>
        <source>Household and civil affairs</source>
        <translation>戶政民政</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="116"/>
        <source>Requests and complaints</source>
        <translation>諮詢與投訴</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="126"/>
        <source>Loading the list of services…</source>
        <translation>正在載入辦理事項…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="148"/>
        <source>The service list cannot be loaded right now. Please try again.</source>
        <translation>暫時無法載入辦理事項，請再試一次。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/catalog.py" line="168"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 個工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyPanel</name>
    <message>
        <location filename="../../ui/screens/emergency.py" line="51"/>
        <source>In an emergency, call one of these numbers now</source>
        <translation>緊急情況，請立即撥打以下電話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="54"/>
        <source>Police</source>
        <translation>報警</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="55"/>
        <source>Crime, violence, a traffic accident, anyone in danger</source>
        <translation>犯罪、暴力、交通事故、有人遇到危險</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="57"/>
        <source>Fire</source>
        <translation>火警</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="57"/>
        <source>Fire, people trapped, rescue</source>
        <translation>失火、有人被困、搶險救援</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="58"/>
        <source>Ambulance</source>
        <translation>急救</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="58"/>
        <source>Sudden illness, a serious injury</source>
        <translation>突發疾病、嚴重受傷</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="66"/>
        <source>This kiosk cannot make calls. Call from any phone (the call is free), or ask the staff to call for you.</source>
        <translation>本機不能打電話。請用任何電話撥打（免費），或請工作人員幫您撥打。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="71"/>
        <source>The 12345 hotline is for matters that can wait a few days.</source>
        <translation>12345 熱線處理的是可以等幾天的事情。</translation>
    </message>
</context>
<context>
    <name>EvaluateScreen</name>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="172"/>
        <source>Very satisfied</source>
        <translation>非常滿意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="173"/>
        <source>Satisfied</source>
        <translation>滿意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="174"/>
        <source>Fairly satisfied</source>
        <translation>基本滿意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="175"/>
        <source>Dissatisfied</source>
        <translation>不滿意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="176"/>
        <source>Very dissatisfied</source>
        <translation>非常不滿意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="180"/>
        <source>How satisfied are you with our service?</source>
        <translation>您對這次服務滿意嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="184"/>
        <source>Please rate the application you just filed.</source>
        <translation>請為您剛才申辦的事項評價。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="185"/>
        <source>Please rate taking your queue number.</source>
        <translation>請為剛才的取號服務評價。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="187"/>
        <source>Please rate filing your request just now.</source>
        <translation>請為剛才的訴求受理服務評價。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="195"/>
        <source>No thanks</source>
        <translation>不用了，謝謝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="196"/>
        <source>Anything else you would like to tell us? (optional)</source>
        <translation>還有什麼想告訴我們嗎？（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="197"/>
        <source>Your comment</source>
        <translation>您的意見</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="198"/>
        <source>Choose another level</source>
        <translation>重新選擇評價</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="199"/>
        <source>Send my rating</source>
        <translation>提交評價</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="200"/>
        <source>Sending your rating…</source>
        <translation>正在提交您的評價……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="201"/>
        <source>Something else</source>
        <translation>辦理其他事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="202"/>
        <source>Finish</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="210"/>
        <source>You chose: %1</source>
        <translation>您的評價：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="214"/>
        <source>Loading the choices…</source>
        <translation>正在載入選項……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="216"/>
        <source>You can tell us more in your own words below.</source>
        <translation>您可以在下面用自己的話告訴我們。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="219"/>
        <source>What went wrong? Please choose at least one.</source>
        <translation>哪裡做得不好？請至少選一項。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="221"/>
        <source>What could be better? (optional)</source>
        <translation>哪裡還可以改進？（可不選）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="223"/>
        <source>What did you like? (optional)</source>
        <translation>哪裡讓您滿意？（可不選）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="226"/>
        <source>Please choose at least one.</source>
        <translation>請至少選一項。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="228"/>
        <source>This kiosk cannot keep your rating right now. Please try again.</source>
        <translation>本機暫時無法保存您的評價，請再試一次。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="237"/>
        <location filename="../../ui/screens/evaluate.py" line="241"/>
        <source>Thank you for your rating!</source>
        <translation>謝謝您的評價！</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="238"/>
        <source>Your opinion helps us serve you better.</source>
        <translation>您的意見幫助我們把服務做得更好。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="242"/>
        <source>It is saved on this kiosk and sent as soon as the network is back.</source>
        <translation>評價已保存在本機，網路恢復後會自動送出。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="245"/>
        <source>This has already been rated. Thank you!</source>
        <translation>這項服務已經評價過了，謝謝您！</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="246"/>
        <source>Each service is rated once, and your earlier rating is kept.</source>
        <translation>每項服務只評價一次，先前的評價仍然有效。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="249"/>
        <source>Thank you.</source>
        <translation>謝謝您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="251"/>
        <source>Your rating could not be recorded this time. The staff in the hall are glad to hear your opinion.</source>
        <translation>這次未能記錄您的評價。歡迎直接告訴大廳的工作人員。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="255"/>
        <source>Thank you for coming.</source>
        <translation>謝謝您的光臨。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="255"/>
        <source>Is there anything else?</source>
        <translation>還需要辦理其他事情嗎？</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/screens/form.py" line="171"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="172"/>
        <source>Next: check and submit</source>
        <translation>下一步：核對並送出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="179"/>
        <source>Please have these ready: %1</source>
        <translation>請備妥以下材料：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="245"/>
        <source>Please fill this in.</source>
        <translation>此項必填。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="246"/>
        <source>This is too long.</source>
        <translation>內容太長。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="247"/>
        <source>Please enter a number.</source>
        <translation>請輸入數字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="248"/>
        <source>This number is outside the allowed range.</source>
        <translation>數值超出允許範圍。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="249"/>
        <source>Please enter a date as YYYY-MM-DD.</source>
        <translation>請按「年-月-日」輸入日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="250"/>
        <source>Please choose one of the options.</source>
        <translation>請選擇其中一項。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="251"/>
        <source>Please enter a phone number (7 to 15 digits).</source>
        <translation>請輸入電話號碼（7 至 15 位數字）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="252"/>
        <source>This ID number is not valid.</source>
        <translation>身分證號碼不正確。</translation>
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
    <name>HealthPage</name>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="73"/>
        <source>Device health</source>
        <translation>設備狀態</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="74"/>
        <source>Check again</source>
        <translation>重新檢查</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="76"/>
        <source>Card reader</source>
        <translation>讀卡機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="77"/>
        <source>Printer</source>
        <translation>印表機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="78"/>
        <source>Paper</source>
        <translation>紙張</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="79"/>
        <source>Service hall system</source>
        <translation>服務大廳系統</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="80"/>
        <source>Waiting to be sent</source>
        <translation>等待送出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="81"/>
        <source>Free disk space</source>
        <translation>磁碟剩餘空間</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="82"/>
        <source>Running for</source>
        <translation>已運行</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="83"/>
        <source>Software version</source>
        <translation>軟體版本</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="102"/>
        <source>The check did not finish. Touch “Check again”.</source>
        <translation>檢查沒有完成，請按「重新檢查」。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="111"/>
        <source>Checking… (up to a few seconds)</source>
        <translation>檢查中…（最多幾秒鐘）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="122"/>
        <source>Working</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="123"/>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="124"/>
        <source>Reports errors</source>
        <translation>回報錯誤</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="129"/>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="130"/>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="131"/>
        <source>Cover open</source>
        <translation>機蓋未關</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="131"/>
        <source>Error</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="134"/>
        <source>Did not answer</source>
        <translation>沒有回應</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="136"/>
        <source>Enough</source>
        <translation>充足</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="137"/>
        <source>Running out: change the roll soon</source>
        <translation>快用完了，請盡快換紙捲</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="138"/>
        <source>Out of paper</source>
        <translation>沒有紙了</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="139"/>
        <location filename="../../ui/screens/admin_health.py" line="146"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="142"/>
        <source>Reachable, %1 ms</source>
        <translation>連線正常，%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="144"/>
        <source>Not reachable</source>
        <translation>無法連線</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="157"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="161"/>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
</context>
<context>
    <name>HotlineDetails</name>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="194"/>
        <source>Emergency? Police, fire, ambulance: tap here</source>
        <translation>緊急情況？報警、火警、急救：請按這裡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="198"/>
        <source>Describe your request: what happened, where and when</source>
        <translation>請說明您的訴求：發生了什麼事、在哪裡、什麼時候</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="201"/>
        <source>Send it anonymously</source>
        <translation>匿名送出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="203"/>
        <source>No name or phone number is kept, so the hotline cannot answer you.</source>
        <translation>不留姓名和電話，熱線將無法回覆您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="205"/>
        <source>Your phone number, so the hotline can answer you *</source>
        <translation>您的電話號碼，方便熱線回覆您 *</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="206"/>
        <source>Your name (you may leave it empty)</source>
        <translation>您的姓名（可以不填）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="209"/>
        <source>Your name, from your ID card: %1</source>
        <translation>您的姓名（取自身分證）：%1</translation>
    </message>
</context>
<context>
    <name>HotlineScreen</name>
    <message>
        <location filename="../../ui/screens/hotline.py" line="205"/>
        <source>Hotline 12345: ask, suggest, complain, praise</source>
        <translation>12345 熱線：諮詢、建議、投訴、表揚</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="206"/>
        <source>Emergency? Police, fire, ambulance: tap here</source>
        <translation>緊急情況？報警、火警、急救：請按這裡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="207"/>
        <source>What is your request about?</source>
        <translation>您要反映哪一類事情？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="208"/>
        <source>Sending your request…</source>
        <translation>正在送出您的訴求…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="209"/>
        <source>Send my request</source>
        <translation>送出訴求</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="210"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="219"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="219"/>
        <source>Back to the menu</source>
        <translation>返回主選單</translation>
    </message>
</context>
<context>
    <name>HotlineTexts</name>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="24"/>
        <source>%1 of %2 characters: too long. Please shorten it by %3.</source>
        <translation>已輸入 %1 字，上限 %2 字：太長了，請刪減 %3 字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="29"/>
        <source>%1 of %2 characters</source>
        <translation>已輸入 %1 字，上限 %2 字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="33"/>
        <source>Please describe your request.</source>
        <translation>請寫下您的訴求。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="35"/>
        <source>This is longer than the hotline accepts. Please shorten it; nothing is sent until it fits.</source>
        <translation>內容超過熱線可接收的長度。請刪減，刪減之前不會送出。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="39"/>
        <source>Please enter a phone number, so the hotline can answer you.</source>
        <translation>請輸入電話號碼，方便熱線回覆您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="42"/>
        <source>Please enter a mobile number (11 digits, starting with 1) or a landline number with its area code.</source>
        <translation>請輸入手機號碼（1 開頭的 11 位數字），或帶區號的市話號碼。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="45"/>
        <source>This name is too long.</source>
        <translation>姓名太長了。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="52"/>
        <source>The hotline did not accept the request as it is. Please check it and send it again, or call 12345.</source>
        <translation>熱線沒有接收這則訴求。請檢查後再送出一次，或撥打 12345。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="56"/>
        <source>This kiosk cannot keep your request right now. Please ask the staff for help, or call 12345.</source>
        <translation>本機目前無法保存您的訴求。請找工作人員協助，或撥打 12345。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="62"/>
        <source>Your request is saved</source>
        <translation>您的訴求已保存</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="63"/>
        <source>Your request has been received</source>
        <translation>您的訴求已受理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="66"/>
        <source>Provisional number</source>
        <translation>臨時編號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="66"/>
        <source>Request number</source>
        <translation>訴求編號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="71"/>
        <source>Saved on this kiosk. It is sent to the 12345 hotline as soon as the network is back. Keep your ticket and quote this number to follow it up.</source>
        <translation>已存於本機，網路恢復後會自動送到 12345 熱線。請保留單據，查詢時請提供這個編號。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="75"/>
        <source>The 12345 hotline passes it to the department concerned. Scan the code on your ticket to follow it up.</source>
        <translation>12345 熱線會轉交有關部門辦理。掃描單據上的二維碼可查詢進度。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="81"/>
        <source>Please take your ticket from the printer.</source>
        <translation>請從出紙口取走您的單據。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="83"/>
        <source>The printer is not available. Please write down your number.</source>
        <translation>印表機暫時不能使用，請記下您的編號。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="86"/>
        <source>The ticket could not be printed. Please write down your number.</source>
        <translation>單據沒能印出，請記下您的編號。</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/screens/identify.py" line="53"/>
        <source>Please insert your ID card into the reader</source>
        <translation>請將身分證插入讀卡器</translation>
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
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/idle_overlay.py" line="63"/>
        <location filename="../../ui/idle_overlay.py" line="68"/>
        <source>Are you still there?</source>
        <translation>您還在嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/idle_overlay.py" line="65"/>
        <source>seconds until the kiosk returns to the start and forgets what you entered.</source>
        <translation>秒後回到首頁，並清除您輸入的資料。</translation>
    </message>
    <message>
        <location filename="../../ui/idle_overlay.py" line="67"/>
        <source>I am still here</source>
        <translation>我還在，繼續使用</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/keypad.py" line="223"/>
        <source>⌫ Delete</source>
        <translation>⌫ 刪除</translation>
    </message>
    <message>
        <location filename="../../ui/keypad.py" line="224"/>
        <source>Clear</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <location filename="../../ui/keypad.py" line="225"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../ui/screens/admin_log.py" line="38"/>
        <source>Recent log lines</source>
        <translation>最近的日誌</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_log.py" line="39"/>
        <source>Show the newest</source>
        <translation>顯示最新的</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_log.py" line="53"/>
        <source>(nothing logged)</source>
        <translation>（沒有記錄）</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../../ui/screens/menu.py" line="63"/>
        <source>Hello, %1</source>
        <translation>您好，%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="67"/>
        <source>Welcome</source>
        <translation>歡迎使用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="68"/>
        <source>Apply for a service (needs your ID card)</source>
        <translation>申辦事項（須插入身分證）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="69"/>
        <source>Finish</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="70"/>
        <source>What would you like to do today?</source>
        <translation>請問您今天要辦理什麼？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="71"/>
        <source>Check my applications</source>
        <translation>查詢辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="72"/>
        <source>Take a queue number</source>
        <translation>取號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="73"/>
        <source>Hotline: ask, suggest, complain</source>
        <translation>12345 熱線：諮詢、建議、投訴</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="64"/>
        <source>Apply for a service</source>
        <translation>辦理業務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="65"/>
        <source>Finish and take my card</source>
        <translation>結束並取回證件</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../ui/notice.py" line="40"/>
        <source>Notice</source>
        <translation>公告</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="33"/>
        <source>This kiosk is being serviced. Please go to a service counter.</source>
        <translation>本機正在維修，請到服務櫃台辦理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="36"/>
        <source>The receipt printer is out of paper. Please go to a service counter.</source>
        <translation>收據印表機沒有紙了，請到服務櫃台辦理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="40"/>
        <source>The network is down. Please go to a service counter.</source>
        <translation>網路中斷了，請到服務櫃台辦理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="43"/>
        <source>This kiosk is closed for today. Thank you for your visit.</source>
        <translation>本機今天已停止服務，謝謝您的光臨。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="59"/>
        <source>This kiosk is out of service. Please go to a service counter.</source>
        <translation>本機暫停服務，請到服務櫃台辦理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="85"/>
        <source>Not available at the moment</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="86"/>
        <source>We are sorry for the inconvenience.</source>
        <translation>造成不便，敬請見諒。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../ui/pin_pad.py" line="113"/>
        <source>Staff PIN</source>
        <translation>工作人員密碼</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="114"/>
        <source>Erase</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="115"/>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="216"/>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>密碼錯誤太多次，請在 %1 後再試。</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="220"/>
        <source>Checking…</source>
        <translation>檢查中…</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="223"/>
        <source>Wrong PIN. Tries left before a lockout: %1</source>
        <translation>密碼錯誤。再錯 %1 次就會鎖定。</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="227"/>
        <source>Enter the staff PIN, then OK.</source>
        <translation>請輸入工作人員密碼，再按「確定」。</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="117"/>
        <source>Receipt printer</source>
        <translation>收據印表機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="118"/>
        <source>Print a test page</source>
        <translation>列印測試頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="119"/>
        <source>Reprint the last receipt</source>
        <translation>補印最後一張收據</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="121"/>
        <source>Only a receipt that could not be printed in the last %1 minutes.</source>
        <translation>只限最近 %1 分鐘內沒有印出的收據。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="125"/>
        <source>Preview on screen:</source>
        <translation>在螢幕上預覽：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="127"/>
        <source>Test page</source>
        <translation>測試頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="128"/>
        <source>Sample receipt</source>
        <translation>收據範例</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="129"/>
        <source>Receipt to reprint</source>
        <translation>要補印的收據</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="171"/>
        <source>Working…</source>
        <translation>處理中…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="178"/>
        <source>The test page was printed. Check it on paper.</source>
        <translation>測試頁已印出，請檢查紙上的內容。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="179"/>
        <source>The test page was not printed: %1</source>
        <translation>測試頁沒有印出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="180"/>
        <source>Receipt %1 was printed again.</source>
        <translation>收據 %1 已補印。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="181"/>
        <source>No receipt is waiting for a reprint.</source>
        <translation>沒有等待補印的收據。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="182"/>
        <source>The receipt was not printed: %1</source>
        <translation>收據沒有印出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="183"/>
        <source>The preview could not be drawn: %1</source>
        <translation>無法顯示預覽：%1</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../ui/screens/queue.py" line="207"/>
        <source>Take a queue number</source>
        <translation>取號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="208"/>
        <source>Getting your number…</source>
        <translation>正在取號…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="209"/>
        <source>Take a number</source>
        <translation>取號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="210"/>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="211"/>
        <source>Back to the menu</source>
        <translation>返回主選單</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="212"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="213"/>
        <source>Your number</source>
        <translation>您的號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="220"/>
        <source>Nobody is waiting: you are next.</source>
        <translation>目前無人等候，下一位就是您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="222"/>
        <source>%1 waiting, about %2 minutes</source>
        <translation>%1 人等候，約 %2 分鐘</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="229"/>
        <source>Looking up the counters…</source>
        <translation>正在查詢窗口…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="231"/>
        <source>Choose the counter you need.</source>
        <translation>請選擇您要辦理的窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="262"/>
        <source>Nobody is ahead of you: please watch for your number.</source>
        <translation>您前面沒有人，請留意叫號。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="265"/>
        <source>People ahead of you: %1. Estimated wait: about %2 minutes.</source>
        <translation>您前面有 %1 人，預計等候約 %2 分鐘。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="270"/>
        <source>When your number is shown on the display, go to the counter it names.</source>
        <translation>叫號螢幕顯示您的號碼時，請到螢幕上指示的窗口辦理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="273"/>
        <source>Please take your ticket from the printer.</source>
        <translation>請從出紙口取走您的號碼單。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="275"/>
        <source>The printer is not available. Please remember your number.</source>
        <translation>印表機暫時不能使用，請記住您的號碼。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="278"/>
        <source>The ticket could not be printed. Please remember your number.</source>
        <translation>號碼單沒能印出，請記住您的號碼。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="285"/>
        <source>That counter is not giving numbers now.</source>
        <translation>這個窗口目前不取號。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="286"/>
        <source>Please choose again from the current list.</source>
        <translation>請從目前的清單重新選擇。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="288"/>
        <source>No counter is giving numbers now.</source>
        <translation>目前沒有窗口可以取號。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="289"/>
        <source>Please ask the staff at the front desk.</source>
        <translation>請向服務台的工作人員詢問。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="291"/>
        <source>Queue numbers cannot be given right now.</source>
        <translation>現在暫時不能取號。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="294"/>
        <source>This kiosk cannot reach the hall&apos;s queue system, and a number is only valid once the hall has it. Please try again in a minute, or ask the staff at the front desk for a number.</source>
        <translation>本機暫時連不上大廳的排隊系統，號碼要登記到系統裡才有效。請過一分鐘再試，或到服務台請工作人員幫您取號。</translation>
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
    <name>ServicePage</name>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="93"/>
        <source>This kiosk</source>
        <translation>本機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="94"/>
        <source>Back in service</source>
        <translation>恢復服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="95"/>
        <source>Take out of service with this message:</source>
        <translation>暫停服務，並顯示這段話：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="98"/>
        <source>Language a new citizen starts in:</source>
        <translation>每位民眾開始時使用的語言：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="100"/>
        <source>Reset: forget the current session and go back to the start screen.</source>
        <translation>重設：清除目前的操作，回到開始畫面。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="102"/>
        <source>Reset the kiosk</source>
        <translation>重設本機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="118"/>
        <source>In service.</source>
        <translation>服務中。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="121"/>
        <source>Out of service. Citizens see: %1</source>
        <translation>暫停服務中。民眾看到：%1</translation>
    </message>
</context>
<context>
    <name>StatusNotice</name>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="55"/>
        <source>Looking up your applications…</source>
        <translation>正在查詢您的申辦事項…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="57"/>
        <source>Looking up the application…</source>
        <translation>正在查詢…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="62"/>
        <source>No application matches this number and these last 4 characters. Please check both and try again.</source>
        <translation>查無符合此編號及後 4 碼的申請。請核對兩者後再試一次。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="67"/>
        <source>The scanned code is not an application receipt of this hall.</source>
        <translation>掃描到的不是本大廳的申辦回執。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="69"/>
        <source>Number scanned. Now type the last 4 characters of your ID number.</source>
        <translation>已掃描編號。請再輸入身分證號碼的後 4 碼。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="72"/>
        <source>Please try again later.</source>
        <translation>請稍後再試。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="85"/>
        <source>There are no applications under this card.</source>
        <translation>這張證件名下沒有申辦事項。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="87"/>
        <source>Below is what this kiosk knows; it may be out of date.</source>
        <translation>以下是本機所知的資料，可能已經過時。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="90"/>
        <source>This kiosk has nothing saved about it. Please try again later, or ask the staff.</source>
        <translation>本機沒有這件申請的紀錄。請稍後再試，或洽詢服務人員。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="97"/>
        <source>The service centre is taking too long to answer.</source>
        <translation>服務中心回應太慢。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="99"/>
        <source>The service centre sent an answer the kiosk does not understand.</source>
        <translation>服務中心傳回的資料無法辨識。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="102"/>
        <source>The service centre is busy.</source>
        <translation>服務中心忙線中。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="104"/>
        <source>The service centre has a problem right now.</source>
        <translation>服務中心暫時發生問題。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="105"/>
        <source>The service centre could not take this request.</source>
        <translation>服務中心無法受理這項查詢。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="106"/>
        <source>The kiosk cannot reach the service centre right now.</source>
        <translation>目前無法連線到服務中心。</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/screens/status.py" line="199"/>
        <source>Check the progress of your applications</source>
        <translation>查詢辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="201"/>
        <source>Or hold the QR code or barcode on your receipt under the scanner.</source>
        <translation>或將回執上的二維碼或條碼對準掃描器。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="203"/>
        <source>Or type the number from your receipt:</source>
        <translation>或輸入回執上的編號：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="204"/>
        <source>Application number</source>
        <translation>申請編號</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="205"/>
        <source>e.g. OS20261129000001</source>
        <translation>例如 OS20261129000001</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="206"/>
        <source>Last 4 characters of your ID number</source>
        <translation>身分證號碼後 4 碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="207"/>
        <source>e.g. 123X</source>
        <translation>例如 123X</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="208"/>
        <source>Look up</source>
        <translation>查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="209"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="210"/>
        <source>Finish</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="274"/>
        <source>This card has expired. Please type the number from your receipt.</source>
        <translation>這張證件已過期。請輸入回執上的編號查詢。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="276"/>
        <source>The card could not be read. Please insert it again.</source>
        <translation>無法讀取證件，請重新插入。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="278"/>
        <source>Applications of %1</source>
        <translation>%1 的申辦事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="280"/>
        <source>Insert your ID card to see all your applications.</source>
        <translation>插入身分證，即可查看您所有的申辦事項。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="286"/>
        <source>Please type the application number from your receipt.</source>
        <translation>請輸入回執上的申請編號。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="289"/>
        <source>This is not an application number: it has 8 to 40 letters and digits.</source>
        <translation>這不是申請編號：申請編號由 8 到 40 個英文字母和數字組成。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="292"/>
        <source>Please type the last 4 characters of your ID number.</source>
        <translation>請輸入身分證號碼的後 4 碼。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="295"/>
        <source>Please type exactly 4 letters or digits.</source>
        <translation>請輸入 4 個英文字母或數字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="308"/>
        <source>Please take the printout from the printer.</source>
        <translation>請從印表機取走列印單。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="310"/>
        <source>The printer is not available right now. Please note the number, or ask the staff for help.</source>
        <translation>印表機暫時無法使用。請記下編號，或請服務人員協助。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="314"/>
        <source>The printout could not be printed completely. Please ask the staff for help.</source>
        <translation>列印未能完成，請洽服務人員協助。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="318"/>
        <source>Printing…</source>
        <translation>列印中…</translation>
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
