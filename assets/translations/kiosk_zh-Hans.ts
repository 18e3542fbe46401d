<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/screens/admin.py" line="184"/>
        <source>Staff mode</source>
        <translation>工作人员模式</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="185"/>
        <source>Everything done here is recorded in the log.</source>
        <translation>此处的每项操作都会记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="187"/>
        <source>Device health</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="188"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="189"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="190"/>
        <source>This kiosk</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="191"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="195"/>
        <source>Leave to maintenance</source>
        <translation>退出程序以便维护</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="196"/>
        <source>Leave staff mode</source>
        <translation>离开工作人员模式</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="199"/>
        <source>Leaving to maintenance closes the kiosk program. Citizens cannot use this kiosk until it is started again. Continue?</source>
        <translation>退出维护会关闭自助机程序，重新启动之前群众无法使用本机。要继续吗？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="203"/>
        <source>Continue</source>
        <translation>继续</translation>
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
        <translation>现在就关闭自助机程序吗？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="206"/>
        <source>Close the program</source>
        <translation>关闭程序</translation>
    </message>
</context>
<context>
    <name>ApplicationCard</name>
    <message>
        <location filename="../../ui/screens/status_card.py" line="118"/>
        <source>Provisional number: %1</source>
        <translation>临时编号：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="118"/>
        <source>Application number: %1</source>
        <translation>申请编号：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="124"/>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="126"/>
        <source>Status: %1</source>
        <translation>目前状态：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="131"/>
        <source>Promised by: %1</source>
        <translation>承诺办结日期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="136"/>
        <source>Late: decided after the promised date (%1).</source>
        <translation>已逾期：超过承诺日期（%1）才办结。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="138"/>
        <source>Overdue: not decided by the promised date (%1).</source>
        <translation>已逾期：已超过承诺日期（%1），尚未办结。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="145"/>
        <source>Last known status, as of %1. It may be out of date: the service centre could not be asked just now.</source>
        <translation>这是本机在 %1 查到的最后状态，可能已经过时：目前无法向服务中心查询。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="149"/>
        <source>Filed at this kiosk at %1 and waiting to be sent to the service hall. It is sent as soon as the network is back.</source>
        <translation>已于 %1 在本机申办，正等待送往服务大厅。网络恢复后会立即发送。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="155"/>
        <source>Steps so far</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="160"/>
        <source>Note from the hall: %1</source>
        <translation>承办人员说明：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="161"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>ApplicationState</name>
    <message>
        <location filename="../../ui/screens/status_card.py" line="20"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="21"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="22"/>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="23"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="24"/>
        <source>Not approved</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="25"/>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="87"/>
        <source>Welcome to the OneStop service kiosk</source>
        <translation>欢迎使用一站式自助服务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="89"/>
        <source>Insert your ID card to apply for a service, or touch the button below.</source>
        <translation>请插入身份证办理业务，或按下方按钮开始。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="91"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="92"/>
        <source>Insert demo card</source>
        <translation>插入示范证件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="20"/>
        <source>Please take your ID card from the reader.</source>
        <translation>请取回您的身份证。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="94"/>
        <source>Take demo card</source>
        <translation>取出示范证件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="106"/>
        <source>Large text</source>
        <translation>放大字体</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="107"/>
        <source>High contrast</source>
        <translation>高对比</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="108"/>
        <source>Care mode for seniors</source>
        <translation>长辈模式</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="68"/>
        <source>Card reader test</source>
        <translation>读卡器测试</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="70"/>
        <source>Insert or place an ID card. Only the masked name and number are shown.</source>
        <translation>请插入或放上身份证。只会显示遮挡后的姓名和号码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="72"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="73"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="74"/>
        <source>Insert demo card</source>
        <translation>插入示范卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="75"/>
        <source>Take demo card</source>
        <translation>取出示范卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="112"/>
        <source>Waiting for a card…</source>
        <translation>等待放卡…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="113"/>
        <source>The card was read. The reader works.</source>
        <translation>已读到卡片，读卡器正常。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="114"/>
        <source>The card could not be read: %1</source>
        <translation>无法读取卡片：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="115"/>
        <source>The card was taken out. Insert another to test again.</source>
        <translation>卡片已取出。再插入一张卡可以再测试。</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <location filename="../../ui/screens/catalog.py" line="106"/>
        <source>Choose a service</source>
        <translation>请选择办理事项</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="107"/>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="108"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="110"/>
        <source>All services</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="111"/>
        <source>Business registration</source>
        <translation>商事登记</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="112"/>
        <source>Tax</source>
        <translation>税务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="113"/>
        <source>Social affairs</source>
        <translation>社会事务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="114"/>
        <source>Construction and planning</source>
        <translation>工程建设</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="115"/>
        <source>Household and civil affairs</source>
        <translation>户政民政</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="116"/>
        <source>Requests and complaints</source>
        <translation>咨询与投诉</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="126"/>
        <source>Loading the list of services…</source>
        <translation>正在载入办理事项…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="148"/>
        <source>The service list cannot be loaded right now. Please try again.</source>
        <translation>暂时无法载入办理事项，请再试一次。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/catalog.py" line="168"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyPanel</name>
    <message>
        <location filename="../../ui/screens/emergency.py" line="51"/>
        <source>In an emergency, call one of these numbers now</source>
        <translation>紧急情况，请立即拨打以下电话</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="54"/>
        <source>Police</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="55"/>
        <source>Crime, violence, a traffic accident, anyone in danger</source>
        <translation>犯罪、暴力、交通事故、有人遇到危险</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="57"/>
        <source>Fire</source>
        <translation>火警</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="57"/>
        <source>Fire, people trapped, rescue</source>
        <translation>失火、有人被困、抢险救援</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="58"/>
        <source>Ambulance</source>
        <translation>急救</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="58"/>
        <source>Sudden illness, a serious injury</source>
        <translation>突发疾病、严重受伤</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="66"/>
        <source>This kiosk cannot make calls. Call from any phone (the call is free), or ask the staff to call for you.</source>
        <translation>本机不能打电话。请用任何电话拨打（免费），或请工作人员帮您拨打。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="71"/>
        <source>The 12345 hotline is for matters that can wait a few days.</source>
        <translation>12345 热线处理的是可以等几天的事情。</translation>
    </message>
</context>
<context>
    <name>EvaluateScreen</name>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="172"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="173"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="174"/>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="175"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="176"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="180"/>
        <source>How satisfied are you with our service?</source>
        <translation>您对这次服务满意吗？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="184"/>
        <source>Please rate the application you just filed.</source>
        <translation>请为您刚才申办的事项评价。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="185"/>
        <source>Please rate taking your queue number.</source>
        <translation>请为刚才的取号服务评价。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="187"/>
        <source>Please rate filing your request just now.</source>
        <translation>请为刚才的诉求受理服务评价。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="195"/>
        <source>No thanks</source>
        <translation>不用了，谢谢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="196"/>
        <source>Anything else you would like to tell us? (optional)</source>
        <translation>还有什么想告诉我们吗？（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="197"/>
        <source>Your comment</source>
        <translation>您的意见</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="198"/>
        <source>Choose another level</source>
        <translation>重新选择评价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="199"/>
        <source>Send my rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="200"/>
        <source>Sending your rating…</source>
        <translation>正在提交您的评价……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="201"/>
        <source>Something else</source>
        <translation>办理其他事项</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="202"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="210"/>
        <source>You chose: %1</source>
        <translation>您的评价：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="214"/>
        <source>Loading the choices…</source>
        <translation>正在加载选项……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="216"/>
        <source>You can tell us more in your own words below.</source>
        <translation>您可以在下面用自己的话告诉我们。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="219"/>
        <source>What went wrong? Please choose at least one.</source>
        <translation>哪里做得不好？请至少选一项。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="221"/>
        <source>What could be better? (optional)</source>
        <translation>哪里还可以改进？（可不选）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="223"/>
        <source>What did you like? (optional)</source>
        <translation>哪里让您满意？（可不选）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="226"/>
        <source>Please choose at least one.</source>
        <translation>请至少选一项。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="228"/>
        <source>This kiosk cannot keep your rating right now. Please try again.</source>
        <translation>本机暂时无法保存您的评价，请再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="237"/>
        <location filename="../../ui/screens/evaluate.py" line="241"/>
        <source>Thank you for your rating!</source>
        <translation>谢谢您的评价！</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="238"/>
        <source>Your opinion helps us serve you better.</source>
        <translation>您的意见帮助我们把服务做得更好。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="242"/>
        <source>It is saved on this kiosk and sent as soon as the network is back.</source>
        <translation>评价已保存在本机，网络恢复后会自动发送。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="245"/>
        <source>This has already been rated. Thank you!</source>
        <translation>这项服务已经评价过了，谢谢您！</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="246"/>
        <source>Each service is rated once, and your earlier rating is kept.</source>
        <translation>每项服务只评价一次，之前的评价仍然有效。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="249"/>
        <source>Thank you.</source>
        <translation>谢谢您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="251"/>
        <source>Your rating could not be recorded this time. The staff in the hall are glad to hear your opinion.</source>
        <translation>这次未能记录您的评价。欢迎直接告诉大厅的工作人员。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="255"/>
        <source>Thank you for coming.</source>
        <translation>谢谢您的光临。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="255"/>
        <source>Is there anything else?</source>
        <translation>还需要办理其他事情吗？</translation>
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
        <translation>下一步：核对并提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="179"/>
        <source>Please have these ready: %1</source>
        <translation>请备好以下材料：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="245"/>
        <source>Please fill this in.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="246"/>
        <source>This is too long.</source>
        <translation>内容太长。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="247"/>
        <source>Please enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="248"/>
        <source>This number is outside the allowed range.</source>
        <translation>数值超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="249"/>
        <source>Please enter a date as YYYY-MM-DD.</source>
        <translation>请按“年-月-日”输入日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="250"/>
        <source>Please choose one of the options.</source>
        <translation>请选择其中一项。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="251"/>
        <source>Please enter a phone number (7 to 15 digits).</source>
        <translation>请输入电话号码（7 至 15 位数字）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="252"/>
        <source>This ID number is not valid.</source>
        <translation>身份证号码不正确。</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/widgets.py" line="104"/>
        <source>OneStop Self-Service</source>
        <translation>一站式自助服务</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="105"/>
        <source>Offline: applications are kept and sent later</source>
        <translation>离线中：申请会先保存，稍后自动送出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets.py" line="120"/>
        <source>%n second(s) left</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="73"/>
        <source>Device health</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="74"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="76"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="77"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="78"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="79"/>
        <source>Service hall system</source>
        <translation>服务大厅系统</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="80"/>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="81"/>
        <source>Free disk space</source>
        <translation>磁盘剩余空间</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="82"/>
        <source>Running for</source>
        <translation>已运行</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="83"/>
        <source>Software version</source>
        <translation>软件版本</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="102"/>
        <source>The check did not finish. Touch “Check again”.</source>
        <translation>检查没有完成，请按“重新检查”。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="111"/>
        <source>Checking… (up to a few seconds)</source>
        <translation>检查中…（最多几秒钟）</translation>
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
        <translation>报告错误</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="129"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="130"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="131"/>
        <source>Cover open</source>
        <translation>机盖未关</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="131"/>
        <source>Error</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="134"/>
        <source>Did not answer</source>
        <translation>没有响应</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="136"/>
        <source>Enough</source>
        <translation>充足</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="137"/>
        <source>Running out: change the roll soon</source>
        <translation>快用完了，请尽快换纸卷</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="138"/>
        <source>Out of paper</source>
        <translation>没有纸了</translation>
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
        <translation>连接正常，%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="144"/>
        <source>Not reachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="157"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="161"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
</context>
<context>
    <name>HotlineDetails</name>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="194"/>
        <source>Emergency? Police, fire, ambulance: tap here</source>
        <translation>紧急情况？报警、火警、急救：请按这里</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="198"/>
        <source>Describe your request: what happened, where and when</source>
        <translation>请说明您的诉求：发生了什么事、在哪里、什么时候</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="201"/>
        <source>Send it anonymously</source>
        <translation>匿名提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="203"/>
        <source>No name or phone number is kept, so the hotline cannot answer you.</source>
        <translation>不留姓名和电话，热线将无法回复您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="205"/>
        <source>Your phone number, so the hotline can answer you *</source>
        <translation>您的电话号码，方便热线回复您 *</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="206"/>
        <source>Your name (you may leave it empty)</source>
        <translation>您的姓名（可以不填）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="209"/>
        <source>Your name, from your ID card: %1</source>
        <translation>您的姓名（取自身份证）：%1</translation>
    </message>
</context>
<context>
    <name>HotlineScreen</name>
    <message>
        <location filename="../../ui/screens/hotline.py" line="205"/>
        <source>Hotline 12345: ask, suggest, complain, praise</source>
        <translation>12345 热线：咨询、建议、投诉、表扬</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="206"/>
        <source>Emergency? Police, fire, ambulance: tap here</source>
        <translation>紧急情况？报警、火警、急救：请按这里</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="207"/>
        <source>What is your request about?</source>
        <translation>您要反映哪一类事情？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="208"/>
        <source>Sending your request…</source>
        <translation>正在提交您的诉求…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="209"/>
        <source>Send my request</source>
        <translation>提交诉求</translation>
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
        <translation>返回主菜单</translation>
    </message>
</context>
<context>
    <name>HotlineTexts</name>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="24"/>
        <source>%1 of %2 characters: too long. Please shorten it by %3.</source>
        <translation>已输入 %1 字，上限 %2 字：太长了，请删减 %3 字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="29"/>
        <source>%1 of %2 characters</source>
        <translation>已输入 %1 字，上限 %2 字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="33"/>
        <source>Please describe your request.</source>
        <translation>请写下您的诉求。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="35"/>
        <source>This is longer than the hotline accepts. Please shorten it; nothing is sent until it fits.</source>
        <translation>内容超过热线可接收的长度。请删减，删减之前不会提交。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="39"/>
        <source>Please enter a phone number, so the hotline can answer you.</source>
        <translation>请输入电话号码，方便热线回复您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="42"/>
        <source>Please enter a mobile number (11 digits, starting with 1) or a landline number with its area code.</source>
        <translation>请输入手机号码（1 开头的 11 位数字），或带区号的固定电话号码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="45"/>
        <source>This name is too long.</source>
        <translation>姓名太长了。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="52"/>
        <source>The hotline did not accept the request as it is. Please check it and send it again, or call 12345.</source>
        <translation>热线没有接收这条诉求。请检查后再提交一次，或拨打 12345。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="56"/>
        <source>This kiosk cannot keep your request right now. Please ask the staff for help, or call 12345.</source>
        <translation>本机目前无法保存您的诉求。请找工作人员协助，或拨打 12345。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="62"/>
        <source>Your request is saved</source>
        <translation>您的诉求已保存</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="63"/>
        <source>Your request has been received</source>
        <translation>您的诉求已受理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="66"/>
        <source>Provisional number</source>
        <translation>临时编号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="66"/>
        <source>Request number</source>
        <translation>诉求编号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="71"/>
        <source>Saved on this kiosk. It is sent to the 12345 hotline as soon as the network is back. Keep your ticket and quote this number to follow it up.</source>
        <translation>已存于本机，网络恢复后会自动送到 12345 热线。请保留单据，查询时请提供这个编号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="75"/>
        <source>The 12345 hotline passes it to the department concerned. Scan the code on your ticket to follow it up.</source>
        <translation>12345 热线会转交有关部门办理。扫描单据上的二维码可查询进度。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="81"/>
        <source>Please take your ticket from the printer.</source>
        <translation>请从出纸口取走您的单据。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="83"/>
        <source>The printer is not available. Please write down your number.</source>
        <translation>打印机暂时不能使用，请记下您的编号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="86"/>
        <source>The ticket could not be printed. Please write down your number.</source>
        <translation>单据没能打印出来，请记下您的编号。</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/screens/identify.py" line="53"/>
        <source>Please insert your ID card into the reader</source>
        <translation>请将身份证插入读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="55"/>
        <source>The reader is below the screen. Keep the card in until you finish.</source>
        <translation>读卡器在屏幕下方。办理完成前请勿取出证件。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="57"/>
        <source>Insert demo card</source>
        <translation>插入示范证件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="58"/>
        <source>Continue without a card</source>
        <translation>不插卡，继续</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="59"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="73"/>
        <source>This card has expired. Please use a valid ID card or ask the staff.</source>
        <translation>此证件已过期。请使用有效证件，或咨询工作人员。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="78"/>
        <source>The card could not be read. Please take it out and insert it again, chip first. If it still fails, please ask the staff.</source>
        <translation>无法读取此证件。请取出后重新插入（芯片朝内）；如仍无法读取，请咨询工作人员。</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/idle_overlay.py" line="63"/>
        <location filename="../../ui/idle_overlay.py" line="68"/>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <location filename="../../ui/idle_overlay.py" line="65"/>
        <source>seconds until the kiosk returns to the start and forgets what you entered.</source>
        <translation>秒后回到首页，并清除您输入的信息。</translation>
    </message>
    <message>
        <location filename="../../ui/idle_overlay.py" line="67"/>
        <source>I am still here</source>
        <translation>我还在，继续使用</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/keypad.py" line="223"/>
        <source>⌫ Delete</source>
        <translation>⌫ 删除</translation>
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
        <translation>最近的日志</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_log.py" line="39"/>
        <source>Show the newest</source>
        <translation>显示最新的</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_log.py" line="53"/>
        <source>(nothing logged)</source>
        <translation>（没有记录）</translation>
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
        <translation>欢迎使用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="68"/>
        <source>Apply for a service (needs your ID card)</source>
        <translation>申办事项（须插入身份证）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="69"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="70"/>
        <source>What would you like to do today?</source>
        <translation>请问您今天要办理什么？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="71"/>
        <source>Check my applications</source>
        <translation>查询办理进度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="72"/>
        <source>Take a queue number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="73"/>
        <source>Hotline: ask, suggest, complain</source>
        <translation>12345 热线：咨询、建议、投诉</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="64"/>
        <source>Apply for a service</source>
        <translation>办理业务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="65"/>
        <source>Finish and take my card</source>
        <translation>结束并取回证件</translation>
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
        <translation>本机正在维修，请到服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="36"/>
        <source>The receipt printer is out of paper. Please go to a service counter.</source>
        <translation>回执打印机没有纸了，请到服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="40"/>
        <source>The network is down. Please go to a service counter.</source>
        <translation>网络中断了，请到服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="43"/>
        <source>This kiosk is closed for today. Thank you for your visit.</source>
        <translation>本机今天已停止服务，谢谢您的光临。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="59"/>
        <source>This kiosk is out of service. Please go to a service counter.</source>
        <translation>本机暂停服务，请到服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="85"/>
        <source>Not available at the moment</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="86"/>
        <source>We are sorry for the inconvenience.</source>
        <translation>给您带来不便，敬请谅解。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../ui/pin_pad.py" line="113"/>
        <source>Staff PIN</source>
        <translation>工作人员密码</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="114"/>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="115"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="216"/>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>密码错误太多次，请在 %1 后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="220"/>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="223"/>
        <source>Wrong PIN. Tries left before a lockout: %1</source>
        <translation>密码错误。再错 %1 次就会锁定。</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="227"/>
        <source>Enter the staff PIN, then OK.</source>
        <translation>请输入工作人员密码，再按“确定”。</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="117"/>
        <source>Receipt printer</source>
        <translation>回执打印机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="118"/>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="119"/>
        <source>Reprint the last receipt</source>
        <translation>补打最后一张回执</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="121"/>
        <source>Only a receipt that could not be printed in the last %1 minutes.</source>
        <translation>只限最近 %1 分钟内没有打出的回执。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="125"/>
        <source>Preview on screen:</source>
        <translation>在屏幕上预览：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="127"/>
        <source>Test page</source>
        <translation>测试页</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="128"/>
        <source>Sample receipt</source>
        <translation>回执样例</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="129"/>
        <source>Receipt to reprint</source>
        <translation>要补打的回执</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="171"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="178"/>
        <source>The test page was printed. Check it on paper.</source>
        <translation>测试页已打出，请检查纸上的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="179"/>
        <source>The test page was not printed: %1</source>
        <translation>测试页没有打出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="180"/>
        <source>Receipt %1 was printed again.</source>
        <translation>回执 %1 已补打。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="181"/>
        <source>No receipt is waiting for a reprint.</source>
        <translation>没有等待补打的回执。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="182"/>
        <source>The receipt was not printed: %1</source>
        <translation>回执没有打出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="183"/>
        <source>The preview could not be drawn: %1</source>
        <translation>无法显示预览：%1</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../ui/screens/queue.py" line="207"/>
        <source>Take a queue number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="208"/>
        <source>Getting your number…</source>
        <translation>正在取号…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="209"/>
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="210"/>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="211"/>
        <source>Back to the menu</source>
        <translation>返回主菜单</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="212"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="213"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="220"/>
        <source>Nobody is waiting: you are next.</source>
        <translation>目前无人等候，下一位就是您。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="222"/>
        <source>%1 waiting, about %2 minutes</source>
        <translation>%1 人等候，约 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="229"/>
        <source>Looking up the counters…</source>
        <translation>正在查询窗口…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="231"/>
        <source>Choose the counter you need.</source>
        <translation>请选择您要办理的窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="262"/>
        <source>Nobody is ahead of you: please watch for your number.</source>
        <translation>您前面没有人，请留意叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="265"/>
        <source>People ahead of you: %1. Estimated wait: about %2 minutes.</source>
        <translation>您前面有 %1 人，预计等候约 %2 分钟。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="270"/>
        <source>When your number is shown on the display, go to the counter it names.</source>
        <translation>叫号屏幕显示您的号码时，请到屏幕上指示的窗口办理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="273"/>
        <source>Please take your ticket from the printer.</source>
        <translation>请从出纸口取走您的号码单。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="275"/>
        <source>The printer is not available. Please remember your number.</source>
        <translation>打印机暂时不能使用，请记住您的号码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="278"/>
        <source>The ticket could not be printed. Please remember your number.</source>
        <translation>号码单没能打印出来，请记住您的号码。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="285"/>
        <source>That counter is not giving numbers now.</source>
        <translation>这个窗口目前不取号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="286"/>
        <source>Please choose again from the current list.</source>
        <translation>请从当前的列表重新选择。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="288"/>
        <source>No counter is giving numbers now.</source>
        <translation>目前没有窗口可以取号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="289"/>
        <source>Please ask the staff at the front desk.</source>
        <translation>请向服务台的工作人员询问。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="291"/>
        <source>Queue numbers cannot be given right now.</source>
        <translation>现在暂时不能取号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="294"/>
        <source>This kiosk cannot reach the hall&apos;s queue system, and a number is only valid once the hall has it. Please try again in a minute, or ask the staff at the front desk for a number.</source>
        <translation>本机暂时连不上大厅的排队系统，号码要登记到系统里才有效。请过一分钟再试，或到服务台请工作人员帮您取号。</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../../ui/screens/receipt.py" line="64"/>
        <source>Your application has been received</source>
        <translation>您的申请已受理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="72"/>
        <source>Application number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="65"/>
        <source>Scan to check progress</source>
        <translation>扫码查询办理进度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="66"/>
        <source>Apply for another service</source>
        <translation>办理其他业务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="67"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="72"/>
        <source>Provisional number</source>
        <translation>临时编号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="77"/>
        <source>Saved on this kiosk. It is sent to the service hall as soon as the network is back; the code on your receipt then shows its progress.</source>
        <translation>已保存于本机。网络恢复后会立即送往服务大厅；届时扫描回执上的条码即可查询进度。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="83"/>
        <source>Promised completion: %1</source>
        <translation>承诺办结日期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="88"/>
        <source>Please take your receipt from the printer.</source>
        <translation>请从出纸口取走回执。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="90"/>
        <source>The receipt printer is not available. Please note your application number, or ask the staff to print the receipt for you.</source>
        <translation>回执打印机暂时无法使用。请记下申请编号，或请工作人员为您打印回执。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="94"/>
        <source>The receipt could not be printed completely. Please ask the staff for a reprint; your application is safe.</source>
        <translation>回执未能完整打印，请联系工作人员补打；您的申请已成功受理。</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="47"/>
        <source>Please check your application</source>
        <translation>请核对申请内容</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="48"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="49"/>
        <source>Submit application</source>
        <translation>确认提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="59"/>
        <source>The service centre could not accept this application. Please check the form or ask the staff.</source>
        <translation>服务中心未能受理此申请。请检查填写内容，或咨询工作人员。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="55"/>
        <source>This kiosk cannot take applications right now. Nothing was sent. Please ask the staff, or use a counter.</source>
        <translation>本机暂时无法受理申请，资料未送出。请咨询工作人员，或至柜台办理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="72"/>
        <source>Service</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="73"/>
        <source>Department</source>
        <translation>受理部门</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="74"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="75"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="93"/>
        <source>This kiosk</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="94"/>
        <source>Back in service</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="95"/>
        <source>Take out of service with this message:</source>
        <translation>暂停服务，并显示这段话：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="98"/>
        <source>Language a new citizen starts in:</source>
        <translation>每位群众开始时使用的语言：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="100"/>
        <source>Reset: forget the current session and go back to the start screen.</source>
        <translation>重置：清除当前的操作，回到开始画面。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="102"/>
        <source>Reset the kiosk</source>
        <translation>重置本机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="118"/>
        <source>In service.</source>
        <translation>服务中。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="121"/>
        <source>Out of service. Citizens see: %1</source>
        <translation>暂停服务中。群众看到：%1</translation>
    </message>
</context>
<context>
    <name>StatusNotice</name>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="55"/>
        <source>Looking up your applications…</source>
        <translation>正在查询您的申办事项…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="57"/>
        <source>Looking up the application…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="62"/>
        <source>No application matches this number and these last 4 characters. Please check both and try again.</source>
        <translation>查无符合此编号及后 4 位的申请。请核对两者后再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="67"/>
        <source>The scanned code is not an application receipt of this hall.</source>
        <translation>扫描到的不是本大厅的申办回执。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="69"/>
        <source>Number scanned. Now type the last 4 characters of your ID number.</source>
        <translation>已扫描编号。请再输入身份证号码的后 4 位。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="72"/>
        <source>Please try again later.</source>
        <translation>请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="85"/>
        <source>There are no applications under this card.</source>
        <translation>这张证件名下没有申办事项。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="87"/>
        <source>Below is what this kiosk knows; it may be out of date.</source>
        <translation>以下是本机所知的信息，可能已经过时。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="90"/>
        <source>This kiosk has nothing saved about it. Please try again later, or ask the staff.</source>
        <translation>本机没有这件申请的记录。请稍后再试，或咨询工作人员。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="97"/>
        <source>The service centre is taking too long to answer.</source>
        <translation>服务中心响应太慢。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="99"/>
        <source>The service centre sent an answer the kiosk does not understand.</source>
        <translation>服务中心返回的数据无法识别。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="102"/>
        <source>The service centre is busy.</source>
        <translation>服务中心繁忙。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="104"/>
        <source>The service centre has a problem right now.</source>
        <translation>服务中心暂时出现问题。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="105"/>
        <source>The service centre could not take this request.</source>
        <translation>服务中心无法受理这项查询。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="106"/>
        <source>The kiosk cannot reach the service centre right now.</source>
        <translation>目前无法连接到服务中心。</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/screens/status.py" line="199"/>
        <source>Check the progress of your applications</source>
        <translation>查询办理进度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="201"/>
        <source>Or hold the QR code or barcode on your receipt under the scanner.</source>
        <translation>或将回执上的二维码或条形码对准扫描器。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="203"/>
        <source>Or type the number from your receipt:</source>
        <translation>或输入回执上的编号：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="204"/>
        <source>Application number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="205"/>
        <source>e.g. OS20261129000001</source>
        <translation>例如 OS20261129000001</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="206"/>
        <source>Last 4 characters of your ID number</source>
        <translation>身份证号码后 4 位</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="207"/>
        <source>e.g. 123X</source>
        <translation>例如 123X</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="208"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="209"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="210"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="274"/>
        <source>This card has expired. Please type the number from your receipt.</source>
        <translation>这张证件已过期。请输入回执上的编号查询。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="276"/>
        <source>The card could not be read. Please insert it again.</source>
        <translation>无法读取证件，请重新插入。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="278"/>
        <source>Applications of %1</source>
        <translation>%1 的申办事项</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="280"/>
        <source>Insert your ID card to see all your applications.</source>
        <translation>插入身份证，即可查看您所有的申办事项。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="286"/>
        <source>Please type the application number from your receipt.</source>
        <translation>请输入回执上的申请编号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="289"/>
        <source>This is not an application number: it has 8 to 40 letters and digits.</source>
        <translation>这不是申请编号：申请编号由 8 到 40 个英文字母和数字组成。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="292"/>
        <source>Please type the last 4 characters of your ID number.</source>
        <translation>请输入身份证号码的后 4 位。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="295"/>
        <source>Please type exactly 4 letters or digits.</source>
        <translation>请输入 4 个英文字母或数字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="308"/>
        <source>Please take the printout from the printer.</source>
        <translation>请从打印机取走打印单。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="310"/>
        <source>The printer is not available right now. Please note the number, or ask the staff for help.</source>
        <translation>打印机暂时无法使用。请记下编号，或请工作人员协助。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="314"/>
        <source>The printout could not be printed completely. Please ask the staff for help.</source>
        <translation>打印未能完成，请联系工作人员协助。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="318"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>SubmittingScreen</name>
    <message>
        <location filename="../../ui/screens/submitting.py" line="32"/>
        <source>Submitting your application…</source>
        <translation>正在提交申请…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/submitting.py" line="33"/>
        <source>This takes a few seconds. Please wait.</source>
        <translation>需要几秒钟，请稍候。</translation>
    </message>
</context>
</TS>
