<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="55"/>
        <source>Welcome to the OneStop service kiosk</source>
        <translation>Welcome to the OneStop service kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57"/>
        <source>Insert your ID card to apply for a service, or touch the button below.</source>
        <translation>Insert your ID card to apply for a service, or touch the button below.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="59"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="60"/>
        <source>Insert demo card</source>
        <translation>Insert demo card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="61"/>
        <source>Please take your ID card from the reader.</source>
        <translation>Please take your ID card from the reader.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62"/>
        <source>Take demo card</source>
        <translation>Take demo card</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <location filename="../../ui/screens/catalog.py" line="92"/>
        <source>Choose a service</source>
        <translation>Choose a service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="93"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="94"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="96"/>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="97"/>
        <source>Business registration</source>
        <translation>Business registration</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="98"/>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="99"/>
        <source>Social affairs</source>
        <translation>Social affairs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="100"/>
        <source>Construction and planning</source>
        <translation>Construction and planning</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="101"/>
        <source>Household and civil affairs</source>
        <translation>Household and civil affairs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="102"/>
        <source>Requests and complaints</source>
        <translation>Requests and complaints</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="111"/>
        <source>Loading the list of services…</source>
        <translation>Loading the list of services…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="133"/>
        <source>The service list cannot be loaded right now. Please try again.</source>
        <translation>The service list cannot be loaded right now. Please try again.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/catalog.py" line="153"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/screens/form.py" line="128"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="129"/>
        <source>Next: check and submit</source>
        <translation>Next: check and submit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="136"/>
        <source>Please have these ready: %1</source>
        <translation>Please have these ready: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="187"/>
        <source>Please fill this in.</source>
        <translation>Please fill this in.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="188"/>
        <source>This is too long.</source>
        <translation>This is too long.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="189"/>
        <source>Please enter a number.</source>
        <translation>Please enter a number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="190"/>
        <source>This number is outside the allowed range.</source>
        <translation>This number is outside the allowed range.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="191"/>
        <source>Please enter a date as YYYY-MM-DD.</source>
        <translation>Please enter a date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="192"/>
        <source>Please choose one of the options.</source>
        <translation>Please choose one of the options.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="193"/>
        <source>Please enter a phone number (7 to 15 digits).</source>
        <translation>Please enter a phone number (7 to 15 digits).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="194"/>
        <source>This ID number is not valid.</source>
        <translation>This ID number is not valid.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/widgets.py" line="104"/>
        <source>OneStop Self-Service</source>
        <translation>OneStop Self-Service</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="105"/>
        <source>Offline: applications are kept and sent later</source>
        <translation>Offline: applications are kept and sent later</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets.py" line="120"/>
        <source>%n second(s) left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/screens/identify.py" line="53"/>
        <source>Please insert your ID card into the reader</source>
        <translation>Please insert your ID card into the reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="55"/>
        <source>The reader is below the screen. Keep the card in until you finish.</source>
        <translation>The reader is below the screen. Keep the card in until you finish.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="57"/>
        <source>Insert demo card</source>
        <translation>Insert demo card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="58"/>
        <source>Continue without a card</source>
        <translation>Continue without a card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="59"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="73"/>
        <source>This card has expired. Please use a valid ID card or ask the staff.</source>
        <translation>This card has expired. Please use a valid ID card or ask the staff.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/identify.py" line="78"/>
        <source>The card could not be read. Please take it out and insert it again, chip first. If it still fails, please ask the staff.</source>
        <translation>The card could not be read. Please take it out and insert it again, chip first. If it still fails, please ask the staff.</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../../ui/screens/menu.py" line="59"/>
        <source>Hello, %1</source>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="63"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="64"/>
        <source>Apply for a service (needs your ID card)</source>
        <translation>Apply for a service (needs your ID card)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="65"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="66"/>
        <source>What would you like to do today?</source>
        <translation>What would you like to do today?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="67"/>
        <source>Check my applications</source>
        <translation>Check my applications</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="68"/>
        <source>Take a queue number</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="69"/>
        <source>Hotline: ask, suggest, complain</source>
        <translation>Hotline: ask, suggest, complain</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="60"/>
        <source>Apply for a service</source>
        <translation>Apply for a service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="61"/>
        <source>Finish and take my card</source>
        <translation>Finish and take my card</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../../ui/screens/receipt.py" line="64"/>
        <source>Your application has been received</source>
        <translation>Your application has been received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="72"/>
        <source>Application number</source>
        <translation>Application number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="65"/>
        <source>Scan to check progress</source>
        <translation>Scan to check progress</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="66"/>
        <source>Apply for another service</source>
        <translation>Apply for another service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="67"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="72"/>
        <source>Provisional number</source>
        <translation>Provisional number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="77"/>
        <source>Saved on this kiosk. It is sent to the service hall as soon as the network is back; the code on your receipt then shows its progress.</source>
        <translation>Saved on this kiosk. It is sent to the service hall as soon as the network is back; the code on your receipt then shows its progress.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="83"/>
        <source>Promised completion: %1</source>
        <translation>Promised completion: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="88"/>
        <source>Please take your receipt from the printer.</source>
        <translation>Please take your receipt from the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="90"/>
        <source>The receipt printer is not available. Please note your application number, or ask the staff to print the receipt for you.</source>
        <translation>The receipt printer is not available. Please note your application number, or ask the staff to print the receipt for you.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receipt.py" line="94"/>
        <source>The receipt could not be printed completely. Please ask the staff for a reprint; your application is safe.</source>
        <translation>The receipt could not be printed completely. Please ask the staff for a reprint; your application is safe.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="47"/>
        <source>Please check your application</source>
        <translation>Please check your application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="48"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="49"/>
        <source>Submit application</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="59"/>
        <source>The service centre could not accept this application. Please check the form or ask the staff.</source>
        <translation>The service centre could not accept this application. Please check the form or ask the staff.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="55"/>
        <source>This kiosk cannot take applications right now. Nothing was sent. Please ask the staff, or use a counter.</source>
        <translation>This kiosk cannot take applications right now. Nothing was sent. Please ask the staff, or use a counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="72"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="73"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="74"/>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="75"/>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
</context>
<context>
    <name>SubmittingScreen</name>
    <message>
        <location filename="../../ui/screens/submitting.py" line="32"/>
        <source>Submitting your application…</source>
        <translation>Submitting your application…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/submitting.py" line="33"/>
        <source>This takes a few seconds. Please wait.</source>
        <translation>This takes a few seconds. Please wait.</translation>
    </message>
</context>
</TS>
