<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/screens/admin.py" line="184"/>
        <source>Staff mode</source>
        <translation>Staff mode</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="185"/>
        <source>Everything done here is recorded in the log.</source>
        <translation>Everything done here is recorded in the log.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="187"/>
        <source>Device health</source>
        <translation>Device health</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="188"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="189"/>
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="190"/>
        <source>This kiosk</source>
        <translation>This kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="191"/>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="195"/>
        <source>Leave to maintenance</source>
        <translation>Leave to maintenance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="196"/>
        <source>Leave staff mode</source>
        <translation>Leave staff mode</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="199"/>
        <source>Leaving to maintenance closes the kiosk program. Citizens cannot use this kiosk until it is started again. Continue?</source>
        <translation>Leaving to maintenance closes the kiosk program. Citizens cannot use this kiosk until it is started again. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="203"/>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="204"/>
        <location filename="../../ui/screens/admin.py" line="207"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="205"/>
        <source>Close the kiosk program now?</source>
        <translation>Close the kiosk program now?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin.py" line="206"/>
        <source>Close the program</source>
        <translation>Close the program</translation>
    </message>
</context>
<context>
    <name>ApplicationCard</name>
    <message>
        <location filename="../../ui/screens/status_card.py" line="118"/>
        <source>Provisional number: %1</source>
        <translation>Provisional number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="118"/>
        <source>Application number: %1</source>
        <translation>Application number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="124"/>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="126"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="131"/>
        <source>Promised by: %1</source>
        <translation>Promised by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="136"/>
        <source>Late: decided after the promised date (%1).</source>
        <translation>Late: decided after the promised date (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="138"/>
        <source>Overdue: not decided by the promised date (%1).</source>
        <translation>Overdue: not decided by the promised date (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="145"/>
        <source>Last known status, as of %1. It may be out of date: the service centre could not be asked just now.</source>
        <translation>Last known status, as of %1. It may be out of date: the service centre could not be asked just now.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="149"/>
        <source>Filed at this kiosk at %1 and waiting to be sent to the service hall. It is sent as soon as the network is back.</source>
        <translation>Filed at this kiosk at %1 and waiting to be sent to the service hall. It is sent as soon as the network is back.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="155"/>
        <source>Steps so far</source>
        <translation>Steps so far</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="160"/>
        <source>Note from the hall: %1</source>
        <translation>Note from the hall: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="161"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>ApplicationState</name>
    <message>
        <location filename="../../ui/screens/status_card.py" line="20"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="21"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="22"/>
        <source>In review</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="23"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="24"/>
        <source>Not approved</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_card.py" line="25"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="87"/>
        <source>Welcome to the OneStop service kiosk</source>
        <translation>Welcome to the OneStop service kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="89"/>
        <source>Insert your ID card to apply for a service, or touch the button below.</source>
        <translation>Insert your ID card to apply for a service, or touch the button below.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="91"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="92"/>
        <source>Insert demo card</source>
        <translation>Insert demo card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="20"/>
        <source>Please take your ID card from the reader.</source>
        <translation>Please take your ID card from the reader.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="94"/>
        <source>Take demo card</source>
        <translation>Take demo card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="106"/>
        <source>Large text</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="107"/>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="108"/>
        <source>Care mode for seniors</source>
        <translation>Care mode for seniors</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="68"/>
        <source>Card reader test</source>
        <translation>Card reader test</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="70"/>
        <source>Insert or place an ID card. Only the masked name and number are shown.</source>
        <translation>Insert or place an ID card. Only the masked name and number are shown.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="72"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="73"/>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="74"/>
        <source>Insert demo card</source>
        <translation>Insert demo card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="75"/>
        <source>Take demo card</source>
        <translation>Take demo card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="112"/>
        <source>Waiting for a card…</source>
        <translation>Waiting for a card…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="113"/>
        <source>The card was read. The reader works.</source>
        <translation>The card was read. The reader works.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="114"/>
        <source>The card could not be read: %1</source>
        <translation>The card could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_card.py" line="115"/>
        <source>The card was taken out. Insert another to test again.</source>
        <translation>The card was taken out. Insert another to test again.</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <location filename="../../ui/screens/catalog.py" line="106"/>
        <source>Choose a service</source>
        <translation>Choose a service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="107"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="108"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="110"/>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="111"/>
        <source>Business registration</source>
        <translation>Business registration</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="112"/>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="113"/>
        <source>Social affairs</source>
        <translation>Social affairs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="114"/>
        <source>Construction and planning</source>
        <translation>Construction and planning</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="115"/>
        <source>Household and civil affairs</source>
        <translation>Household and civil affairs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="116"/>
        <source>Requests and complaints</source>
        <translation>Requests and complaints</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="126"/>
        <source>Loading the list of services…</source>
        <translation>Loading the list of services…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalog.py" line="148"/>
        <source>The service list cannot be loaded right now. Please try again.</source>
        <translation>The service list cannot be loaded right now. Please try again.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/catalog.py" line="168"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyPanel</name>
    <message>
        <location filename="../../ui/screens/emergency.py" line="51"/>
        <source>In an emergency, call one of these numbers now</source>
        <translation>In an emergency, call one of these numbers now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="54"/>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="55"/>
        <source>Crime, violence, a traffic accident, anyone in danger</source>
        <translation>Crime, violence, a traffic accident, anyone in danger</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="57"/>
        <source>Fire</source>
        <translation>Fire</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="57"/>
        <source>Fire, people trapped, rescue</source>
        <translation>Fire, people trapped, rescue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="58"/>
        <source>Ambulance</source>
        <translation>Ambulance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="58"/>
        <source>Sudden illness, a serious injury</source>
        <translation>Sudden illness, a serious injury</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="66"/>
        <source>This kiosk cannot make calls. Call from any phone (the call is free), or ask the staff to call for you.</source>
        <translation>This kiosk cannot make calls. Call from any phone (the call is free), or ask the staff to call for you.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/emergency.py" line="71"/>
        <source>The 12345 hotline is for matters that can wait a few days.</source>
        <translation>The 12345 hotline is for matters that can wait a few days.</translation>
    </message>
</context>
<context>
    <name>EvaluateScreen</name>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="172"/>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="173"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="174"/>
        <source>Fairly satisfied</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="175"/>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="176"/>
        <source>Very dissatisfied</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="180"/>
        <source>How satisfied are you with our service?</source>
        <translation>How satisfied are you with our service?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="184"/>
        <source>Please rate the application you just filed.</source>
        <translation>Please rate the application you just filed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="185"/>
        <source>Please rate taking your queue number.</source>
        <translation>Please rate taking your queue number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="187"/>
        <source>Please rate filing your request just now.</source>
        <translation>Please rate filing your request just now.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="195"/>
        <source>No thanks</source>
        <translation>No thanks</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="196"/>
        <source>Anything else you would like to tell us? (optional)</source>
        <translation>Anything else you would like to tell us? (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="197"/>
        <source>Your comment</source>
        <translation>Your comment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="198"/>
        <source>Choose another level</source>
        <translation>Choose another level</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="199"/>
        <source>Send my rating</source>
        <translation>Send my rating</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="200"/>
        <source>Sending your rating…</source>
        <translation>Sending your rating…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="201"/>
        <source>Something else</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="202"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="210"/>
        <source>You chose: %1</source>
        <translation>You chose: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="214"/>
        <source>Loading the choices…</source>
        <translation>Loading the choices…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="216"/>
        <source>You can tell us more in your own words below.</source>
        <translation>You can tell us more in your own words below.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="219"/>
        <source>What went wrong? Please choose at least one.</source>
        <translation>What went wrong? Please choose at least one.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="221"/>
        <source>What could be better? (optional)</source>
        <translation>What could be better? (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="223"/>
        <source>What did you like? (optional)</source>
        <translation>What did you like? (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="226"/>
        <source>Please choose at least one.</source>
        <translation>Please choose at least one.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="228"/>
        <source>This kiosk cannot keep your rating right now. Please try again.</source>
        <translation>This kiosk cannot keep your rating right now. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="237"/>
        <location filename="../../ui/screens/evaluate.py" line="241"/>
        <source>Thank you for your rating!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="238"/>
        <source>Your opinion helps us serve you better.</source>
        <translation>Your opinion helps us serve you better.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="242"/>
        <source>It is saved on this kiosk and sent as soon as the network is back.</source>
        <translation>It is saved on this kiosk and sent as soon as the network is back.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="245"/>
        <source>This has already been rated. Thank you!</source>
        <translation>This has already been rated. Thank you!</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="246"/>
        <source>Each service is rated once, and your earlier rating is kept.</source>
        <translation>Each service is rated once, and your earlier rating is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="249"/>
        <source>Thank you.</source>
        <translation>Thank you.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="251"/>
        <source>Your rating could not be recorded this time. The staff in the hall are glad to hear your opinion.</source>
        <translation>Your rating could not be recorded this time. The staff in the hall are glad to hear your opinion.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="255"/>
        <source>Thank you for coming.</source>
        <translation>Thank you for coming.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/evaluate.py" line="255"/>
        <source>Is there anything else?</source>
        <translation>Is there anything else?</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/screens/form.py" line="171"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="172"/>
        <source>Next: check and submit</source>
        <translation>Next: check and submit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="179"/>
        <source>Please have these ready: %1</source>
        <translation>Please have these ready: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="245"/>
        <source>Please fill this in.</source>
        <translation>Please fill this in.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="246"/>
        <source>This is too long.</source>
        <translation>This is too long.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="247"/>
        <source>Please enter a number.</source>
        <translation>Please enter a number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="248"/>
        <source>This number is outside the allowed range.</source>
        <translation>This number is outside the allowed range.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="249"/>
        <source>Please enter a date as YYYY-MM-DD.</source>
        <translation>Please enter a date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="250"/>
        <source>Please choose one of the options.</source>
        <translation>Please choose one of the options.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="251"/>
        <source>Please enter a phone number (7 to 15 digits).</source>
        <translation>Please enter a phone number (7 to 15 digits).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/form.py" line="252"/>
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
    <name>HealthPage</name>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="73"/>
        <source>Device health</source>
        <translation>Device health</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="74"/>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="76"/>
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="77"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="78"/>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="79"/>
        <source>Service hall system</source>
        <translation>Service hall system</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="80"/>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="81"/>
        <source>Free disk space</source>
        <translation>Free disk space</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="82"/>
        <source>Running for</source>
        <translation>Running for</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="83"/>
        <source>Software version</source>
        <translation>Software version</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="102"/>
        <source>The check did not finish. Touch “Check again”.</source>
        <translation>The check did not finish. Touch “Check again”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="111"/>
        <source>Checking… (up to a few seconds)</source>
        <translation>Checking… (up to a few seconds)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="122"/>
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="123"/>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="124"/>
        <source>Reports errors</source>
        <translation>Reports errors</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="129"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="130"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="131"/>
        <source>Cover open</source>
        <translation>Cover open</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="131"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="134"/>
        <source>Did not answer</source>
        <translation>Did not answer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="136"/>
        <source>Enough</source>
        <translation>Enough</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="137"/>
        <source>Running out: change the roll soon</source>
        <translation>Running out: change the roll soon</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="138"/>
        <source>Out of paper</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="139"/>
        <location filename="../../ui/screens/admin_health.py" line="146"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="142"/>
        <source>Reachable, %1 ms</source>
        <translation>Reachable, %1 ms</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="144"/>
        <source>Not reachable</source>
        <translation>Not reachable</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="157"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_health.py" line="161"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>HotlineDetails</name>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="194"/>
        <source>Emergency? Police, fire, ambulance: tap here</source>
        <translation>Emergency? Police, fire, ambulance: tap here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="198"/>
        <source>Describe your request: what happened, where and when</source>
        <translation>Describe your request: what happened, where and when</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="201"/>
        <source>Send it anonymously</source>
        <translation>Send it anonymously</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="203"/>
        <source>No name or phone number is kept, so the hotline cannot answer you.</source>
        <translation>No name or phone number is kept, so the hotline cannot answer you.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="205"/>
        <source>Your phone number, so the hotline can answer you *</source>
        <translation>Your phone number, so the hotline can answer you *</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="206"/>
        <source>Your name (you may leave it empty)</source>
        <translation>Your name (you may leave it empty)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_details.py" line="209"/>
        <source>Your name, from your ID card: %1</source>
        <translation>Your name, from your ID card: %1</translation>
    </message>
</context>
<context>
    <name>HotlineScreen</name>
    <message>
        <location filename="../../ui/screens/hotline.py" line="205"/>
        <source>Hotline 12345: ask, suggest, complain, praise</source>
        <translation>Hotline 12345: ask, suggest, complain, praise</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="206"/>
        <source>Emergency? Police, fire, ambulance: tap here</source>
        <translation>Emergency? Police, fire, ambulance: tap here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="207"/>
        <source>What is your request about?</source>
        <translation>What is your request about?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="208"/>
        <source>Sending your request…</source>
        <translation>Sending your request…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="209"/>
        <source>Send my request</source>
        <translation>Send my request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="210"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="219"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline.py" line="219"/>
        <source>Back to the menu</source>
        <translation>Back to the menu</translation>
    </message>
</context>
<context>
    <name>HotlineTexts</name>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="24"/>
        <source>%1 of %2 characters: too long. Please shorten it by %3.</source>
        <translation>%1 of %2 characters: too long. Please shorten it by %3.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="29"/>
        <source>%1 of %2 characters</source>
        <translation>%1 of %2 characters</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="33"/>
        <source>Please describe your request.</source>
        <translation>Please describe your request.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="35"/>
        <source>This is longer than the hotline accepts. Please shorten it; nothing is sent until it fits.</source>
        <translation>This is longer than the hotline accepts. Please shorten it; nothing is sent until it fits.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="39"/>
        <source>Please enter a phone number, so the hotline can answer you.</source>
        <translation>Please enter a phone number, so the hotline can answer you.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="42"/>
        <source>Please enter a mobile number (11 digits, starting with 1) or a landline number with its area code.</source>
        <translation>Please enter a mobile number (11 digits, starting with 1) or a landline number with its area code.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="45"/>
        <source>This name is too long.</source>
        <translation>This name is too long.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="52"/>
        <source>The hotline did not accept the request as it is. Please check it and send it again, or call 12345.</source>
        <translation>The hotline did not accept the request as it is. Please check it and send it again, or call 12345.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="56"/>
        <source>This kiosk cannot keep your request right now. Please ask the staff for help, or call 12345.</source>
        <translation>This kiosk cannot keep your request right now. Please ask the staff for help, or call 12345.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="62"/>
        <source>Your request is saved</source>
        <translation>Your request is saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="63"/>
        <source>Your request has been received</source>
        <translation>Your request has been received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="66"/>
        <source>Provisional number</source>
        <translation>Provisional number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="66"/>
        <source>Request number</source>
        <translation>Request number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="71"/>
        <source>Saved on this kiosk. It is sent to the 12345 hotline as soon as the network is back. Keep your ticket and quote this number to follow it up.</source>
        <translation>Saved on this kiosk. It is sent to the 12345 hotline as soon as the network is back. Keep your ticket and quote this number to follow it up.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="75"/>
        <source>The 12345 hotline passes it to the department concerned. Scan the code on your ticket to follow it up.</source>
        <translation>The 12345 hotline passes it to the department concerned. Scan the code on your ticket to follow it up.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="81"/>
        <source>Please take your ticket from the printer.</source>
        <translation>Please take your ticket from the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="83"/>
        <source>The printer is not available. Please write down your number.</source>
        <translation>The printer is not available. Please write down your number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/hotline_texts.py" line="86"/>
        <source>The ticket could not be printed. Please write down your number.</source>
        <translation>The ticket could not be printed. Please write down your number.</translation>
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
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/idle_overlay.py" line="63"/>
        <location filename="../../ui/idle_overlay.py" line="68"/>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../ui/idle_overlay.py" line="65"/>
        <source>seconds until the kiosk returns to the start and forgets what you entered.</source>
        <translation>seconds until the kiosk returns to the start and forgets what you entered.</translation>
    </message>
    <message>
        <location filename="../../ui/idle_overlay.py" line="67"/>
        <source>I am still here</source>
        <translation>I am still here</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/keypad.py" line="223"/>
        <source>⌫ Delete</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <location filename="../../ui/keypad.py" line="224"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/keypad.py" line="225"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../ui/screens/admin_log.py" line="38"/>
        <source>Recent log lines</source>
        <translation>Recent log lines</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_log.py" line="39"/>
        <source>Show the newest</source>
        <translation>Show the newest</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_log.py" line="53"/>
        <source>(nothing logged)</source>
        <translation>(nothing logged)</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../../ui/screens/menu.py" line="63"/>
        <source>Hello, %1</source>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="67"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="68"/>
        <source>Apply for a service (needs your ID card)</source>
        <translation>Apply for a service (needs your ID card)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="69"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="70"/>
        <source>What would you like to do today?</source>
        <translation>What would you like to do today?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="71"/>
        <source>Check my applications</source>
        <translation>Check my applications</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="72"/>
        <source>Take a queue number</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="73"/>
        <source>Hotline: ask, suggest, complain</source>
        <translation>Hotline: ask, suggest, complain</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="64"/>
        <source>Apply for a service</source>
        <translation>Apply for a service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/menu.py" line="65"/>
        <source>Finish and take my card</source>
        <translation>Finish and take my card</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../ui/notice.py" line="40"/>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="33"/>
        <source>This kiosk is being serviced. Please go to a service counter.</source>
        <translation>This kiosk is being serviced. Please go to a service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="36"/>
        <source>The receipt printer is out of paper. Please go to a service counter.</source>
        <translation>The receipt printer is out of paper. Please go to a service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="40"/>
        <source>The network is down. Please go to a service counter.</source>
        <translation>The network is down. Please go to a service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="43"/>
        <source>This kiosk is closed for today. Thank you for your visit.</source>
        <translation>This kiosk is closed for today. Thank you for your visit.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="59"/>
        <source>This kiosk is out of service. Please go to a service counter.</source>
        <translation>This kiosk is out of service. Please go to a service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="85"/>
        <source>Not available at the moment</source>
        <translation>Not available at the moment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/out_of_service.py" line="86"/>
        <source>We are sorry for the inconvenience.</source>
        <translation>We are sorry for the inconvenience.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../ui/pin_pad.py" line="113"/>
        <source>Staff PIN</source>
        <translation>Staff PIN</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="114"/>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="115"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="116"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="216"/>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>Too many wrong PINs. Try again in %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="220"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="223"/>
        <source>Wrong PIN. Tries left before a lockout: %1</source>
        <translation>Wrong PIN. Tries left before a lockout: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pin_pad.py" line="227"/>
        <source>Enter the staff PIN, then OK.</source>
        <translation>Enter the staff PIN, then OK.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="117"/>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="118"/>
        <source>Print a test page</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="119"/>
        <source>Reprint the last receipt</source>
        <translation>Reprint the last receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="121"/>
        <source>Only a receipt that could not be printed in the last %1 minutes.</source>
        <translation>Only a receipt that could not be printed in the last %1 minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="125"/>
        <source>Preview on screen:</source>
        <translation>Preview on screen:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="127"/>
        <source>Test page</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="128"/>
        <source>Sample receipt</source>
        <translation>Sample receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="129"/>
        <source>Receipt to reprint</source>
        <translation>Receipt to reprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="171"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="178"/>
        <source>The test page was printed. Check it on paper.</source>
        <translation>The test page was printed. Check it on paper.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="179"/>
        <source>The test page was not printed: %1</source>
        <translation>The test page was not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="180"/>
        <source>Receipt %1 was printed again.</source>
        <translation>Receipt %1 was printed again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="181"/>
        <source>No receipt is waiting for a reprint.</source>
        <translation>No receipt is waiting for a reprint.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="182"/>
        <source>The receipt was not printed: %1</source>
        <translation>The receipt was not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_printer.py" line="183"/>
        <source>The preview could not be drawn: %1</source>
        <translation>The preview could not be drawn: %1</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../ui/screens/queue.py" line="207"/>
        <source>Take a queue number</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="208"/>
        <source>Getting your number…</source>
        <translation>Getting your number…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="209"/>
        <source>Take a number</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="210"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="211"/>
        <source>Back to the menu</source>
        <translation>Back to the menu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="212"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="213"/>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="220"/>
        <source>Nobody is waiting: you are next.</source>
        <translation>Nobody is waiting: you are next.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="222"/>
        <source>%1 waiting, about %2 minutes</source>
        <translation>%1 waiting, about %2 minutes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="229"/>
        <source>Looking up the counters…</source>
        <translation>Looking up the counters…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="231"/>
        <source>Choose the counter you need.</source>
        <translation>Choose the counter you need.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="262"/>
        <source>Nobody is ahead of you: please watch for your number.</source>
        <translation>Nobody is ahead of you: please watch for your number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="265"/>
        <source>People ahead of you: %1. Estimated wait: about %2 minutes.</source>
        <translation>People ahead of you: %1. Estimated wait: about %2 minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="270"/>
        <source>When your number is shown on the display, go to the counter it names.</source>
        <translation>When your number is shown on the display, go to the counter it names.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="273"/>
        <source>Please take your ticket from the printer.</source>
        <translation>Please take your ticket from the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="275"/>
        <source>The printer is not available. Please remember your number.</source>
        <translation>The printer is not available. Please remember your number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="278"/>
        <source>The ticket could not be printed. Please remember your number.</source>
        <translation>The ticket could not be printed. Please remember your number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="285"/>
        <source>That counter is not giving numbers now.</source>
        <translation>That counter is not giving numbers now.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="286"/>
        <source>Please choose again from the current list.</source>
        <translation>Please choose again from the current list.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="288"/>
        <source>No counter is giving numbers now.</source>
        <translation>No counter is giving numbers now.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="289"/>
        <source>Please ask the staff at the front desk.</source>
        <translation>Please ask the staff at the front desk.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="291"/>
        <source>Queue numbers cannot be given right now.</source>
        <translation>Queue numbers cannot be given right now.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/queue.py" line="294"/>
        <source>This kiosk cannot reach the hall&apos;s queue system, and a number is only valid once the hall has it. Please try again in a minute, or ask the staff at the front desk for a number.</source>
        <translation>This kiosk cannot reach the hall&apos;s queue system, and a number is only valid once the hall has it. Please try again in a minute, or ask the staff at the front desk for a number.</translation>
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
    <name>ServicePage</name>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="93"/>
        <source>This kiosk</source>
        <translation>This kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="94"/>
        <source>Back in service</source>
        <translation>Back in service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="95"/>
        <source>Take out of service with this message:</source>
        <translation>Take out of service with this message:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="98"/>
        <source>Language a new citizen starts in:</source>
        <translation>Language a new citizen starts in:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="100"/>
        <source>Reset: forget the current session and go back to the start screen.</source>
        <translation>Reset: forget the current session and go back to the start screen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="102"/>
        <source>Reset the kiosk</source>
        <translation>Reset the kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="118"/>
        <source>In service.</source>
        <translation>In service.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/admin_service.py" line="121"/>
        <source>Out of service. Citizens see: %1</source>
        <translation>Out of service. Citizens see: %1</translation>
    </message>
</context>
<context>
    <name>StatusNotice</name>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="55"/>
        <source>Looking up your applications…</source>
        <translation>Looking up your applications…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="57"/>
        <source>Looking up the application…</source>
        <translation>Looking up the application…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="62"/>
        <source>No application matches this number and these last 4 characters. Please check both and try again.</source>
        <translation>No application matches this number and these last 4 characters. Please check both and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="67"/>
        <source>The scanned code is not an application receipt of this hall.</source>
        <translation>The scanned code is not an application receipt of this hall.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="69"/>
        <source>Number scanned. Now type the last 4 characters of your ID number.</source>
        <translation>Number scanned. Now type the last 4 characters of your ID number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="72"/>
        <source>Please try again later.</source>
        <translation>Please try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="85"/>
        <source>There are no applications under this card.</source>
        <translation>There are no applications under this card.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="87"/>
        <source>Below is what this kiosk knows; it may be out of date.</source>
        <translation>Below is what this kiosk knows; it may be out of date.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="90"/>
        <source>This kiosk has nothing saved about it. Please try again later, or ask the staff.</source>
        <translation>This kiosk has nothing saved about it. Please try again later, or ask the staff.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="97"/>
        <source>The service centre is taking too long to answer.</source>
        <translation>The service centre is taking too long to answer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="99"/>
        <source>The service centre sent an answer the kiosk does not understand.</source>
        <translation>The service centre sent an answer the kiosk does not understand.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="102"/>
        <source>The service centre is busy.</source>
        <translation>The service centre is busy.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="104"/>
        <source>The service centre has a problem right now.</source>
        <translation>The service centre has a problem right now.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="105"/>
        <source>The service centre could not take this request.</source>
        <translation>The service centre could not take this request.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_notice.py" line="106"/>
        <source>The kiosk cannot reach the service centre right now.</source>
        <translation>The kiosk cannot reach the service centre right now.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/screens/status.py" line="199"/>
        <source>Check the progress of your applications</source>
        <translation>Check the progress of your applications</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="201"/>
        <source>Or hold the QR code or barcode on your receipt under the scanner.</source>
        <translation>Or hold the QR code or barcode on your receipt under the scanner.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="203"/>
        <source>Or type the number from your receipt:</source>
        <translation>Or type the number from your receipt:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="204"/>
        <source>Application number</source>
        <translation>Application number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="205"/>
        <source>e.g. OS20261129000001</source>
        <translation>e.g. OS20261129000001</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="206"/>
        <source>Last 4 characters of your ID number</source>
        <translation>Last 4 characters of your ID number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="207"/>
        <source>e.g. 123X</source>
        <translation>e.g. 123X</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="208"/>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="209"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="210"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="274"/>
        <source>This card has expired. Please type the number from your receipt.</source>
        <translation>This card has expired. Please type the number from your receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="276"/>
        <source>The card could not be read. Please insert it again.</source>
        <translation>The card could not be read. Please insert it again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="278"/>
        <source>Applications of %1</source>
        <translation>Applications of %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="280"/>
        <source>Insert your ID card to see all your applications.</source>
        <translation>Insert your ID card to see all your applications.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="286"/>
        <source>Please type the application number from your receipt.</source>
        <translation>Please type the application number from your receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="289"/>
        <source>This is not an application number: it has 8 to 40 letters and digits.</source>
        <translation>This is not an application number: it has 8 to 40 letters and digits.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="292"/>
        <source>Please type the last 4 characters of your ID number.</source>
        <translation>Please type the last 4 characters of your ID number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="295"/>
        <source>Please type exactly 4 letters or digits.</source>
        <translation>Please type exactly 4 letters or digits.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="308"/>
        <source>Please take the printout from the printer.</source>
        <translation>Please take the printout from the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="310"/>
        <source>The printer is not available right now. Please note the number, or ask the staff for help.</source>
        <translation>The printer is not available right now. Please note the number, or ask the staff for help.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="314"/>
        <source>The printout could not be printed completely. Please ask the staff for help.</source>
        <translation>The printout could not be printed completely. Please ask the staff for help.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status.py" line="318"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
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
