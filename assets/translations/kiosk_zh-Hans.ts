<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="55"/>
        <source>Welcome to the OneStop service kiosk</source>
        <translation>欢迎使用一站式自助服务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57"/>
        <source>Insert your ID card to apply for a service, or touch the button below.</source>
        <translation>请插入身份证办理业务，或按下方按钮开始。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="59"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="60"/>
        <source>Insert demo card</source>
        <translation>插入示范证件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="61"/>
        <source>Please take your ID card from the reader.</source>
        <translation>请取回您的身份证。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62"/>
        <source>Take demo card</source>
        <translation>取出示范证件</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <location filename="../../ui/screens/catalog.py" line="92"/>
        <source>Choose a service</source>
        <translation>请选择办理事项</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="93"/>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="94"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="96"/>
        <source>All services</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="97"/>
        <source>Business registration</source>
        <translation>商事登记</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="98"/>
        <source>Tax</source>
        <translation>税务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="99"/>
        <source>Social affairs</source>
        <translation>社会事务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="100"/>
        <source>Construction and planning</source>
        <translation>工程建设</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="101"/>
        <source>Household and civil affairs</source>
        <translation>户政民政</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="102"/>
        <source>Requests and complaints</source>
        <translation>咨询与投诉</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="111"/>
        <source>Loading the list of services…</source>
        <translation>正在载入办理事项…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="133"/>
        <source>The service list cannot be loaded right now. Please try again.</source>
        <translation>暂时无法载入办理事项，请再试一次。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/catalog.py" line="153"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
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
        <translation>下一步：核对并提交</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="136"/>
        <source>Please have these ready: %1</source>
        <translation>请备好以下材料：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="187"/>
        <source>Please fill this in.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="188"/>
        <source>This is too long.</source>
        <translation>内容太长。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="189"/>
        <source>Please enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="190"/>
        <source>This number is outside the allowed range.</source>
        <translation>数值超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="191"/>
        <source>Please enter a date as YYYY-MM-DD.</source>
        <translation>请按“年-月-日”输入日期，例如 2026-12-01。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="192"/>
        <source>Please choose one of the options.</source>
        <translation>请选择其中一项。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="193"/>
        <source>Please enter a phone number (7 to 15 digits).</source>
        <translation>请输入电话号码（7 至 15 位数字）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="194"/>
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
    <name>MenuScreen</name>
    <message>
        <location filename="../../ui/screens/menu.py" line="59"/>
        <source>Hello, %1</source>
        <translation>您好，%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="63"/>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="64"/>
        <source>Apply for a service (needs your ID card)</source>
        <translation>申办事项（须插入身份证）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="65"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="66"/>
        <source>What would you like to do today?</source>
        <translation>请问您今天要办理什么？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="67"/>
        <source>Check my applications</source>
        <translation>查询办理进度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="68"/>
        <source>Take a queue number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="69"/>
        <source>Hotline: ask, suggest, complain</source>
        <translation>12345 热线：咨询、建议、投诉</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="60"/>
        <source>Apply for a service</source>
        <translation>办理业务</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="61"/>
        <source>Finish and take my card</source>
        <translation>结束并取回证件</translation>
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
