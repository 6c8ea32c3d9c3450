<#-- Vigil OTP: the code sent by SMS or e-mail, for sign-in and phone enrolment. Codes are only posted, never in a URL. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        <#if vigilOtpPurpose == "new-phone">${msg("vigilPhoneEnrolmentCodeTitle")}<#elseif vigilOtpPurpose == "proof">${msg("vigilPhoneProofTitle")}<#else>${msg("vigilOtpTitle")}</#if>
    <#elseif section = "form">
        <#if vigilOtpPurpose == "proof">
            <p id="vigil-otp-proof" class="pf-v5-c-content">${msg("vigilPhoneProofIntro")}</p>
        </#if>
        <#if vigilOtpDestination?has_content>
            <p id="vigil-otp-destination" class="pf-v5-c-content">
                <#if vigilOtpByEmail>${msg("vigilOtpSentByEmail", vigilOtpDestination)}<#else>${msg("vigilOtpSentBySms", vigilOtpDestination)}</#if>
                ${msg("vigilOtpLifetime", vigilOtpLifetimeMinutes)}
            </p>
        </#if>
        <form id="vigil-otp-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <label for="vigil-otp-code" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${msg("vigilOtpCodeLabel")}</span></label>
                <span class="pf-v5-c-form-control ${messagesPerField.existsError('code')?then('pf-m-error', '')}">
                    <input id="vigil-otp-code" name="code" type="text" autocomplete="one-time-code" autofocus
                           inputmode="${vigilOtpNumeric?then('numeric', 'text')}" maxlength="${vigilOtpCodeLength + 4}"
                           <#if vigilOtpNumeric>pattern="[0-9 ]*"</#if> spellcheck="false"
                           aria-invalid="${messagesPerField.existsError('code')?c}"/>
                </span>
                <#if messagesPerField.existsError('code')>
                    <div id="vigil-otp-error" class="pf-v5-c-helper-text" aria-live="polite">
                        <div class="pf-v5-c-helper-text__item pf-m-error">${kcSanitize(messagesPerField.get('code'))?no_esc}</div>
                    </div>
                </#if>
            </div>
            <@buttons.actionGroup>
                <@buttons.button name="login" id="vigil-otp-submit" label="vigilOtpSubmit"/>
            </@buttons.actionGroup>
        </form>
        <form id="vigil-otp-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="vigil-otp-cooldown" data-seconds="${vigilOtpResendIn?c}" <#if vigilOtpResendIn == 0>hidden</#if>>${msg("vigilOtpResendIn", vigilOtpResendIn?c)}</p>
            <@buttons.actionGroup horizontal=true>
                <button type="submit" name="resend" id="vigil-otp-resend" class="pf-v5-c-button pf-m-secondary"
                        <#if vigilOtpResendIn gt 0>disabled</#if>>${msg("vigilOtpResend")}</button>
                <#if vigilOtpEmailOffered>
                    <button type="submit" name="email" id="vigil-otp-email" class="pf-v5-c-button pf-m-link">${msg("vigilOtpByEmail")}</button>
                </#if>
                <#if vigilOtpPurpose == "new-phone">
                    <button type="submit" name="change" id="vigil-otp-change" class="pf-v5-c-button pf-m-link">${msg("vigilPhoneChange")}</button>
                </#if>
            </@buttons.actionGroup>
        </form>
        <script>
            (function () {
                var note = document.getElementById("vigil-otp-cooldown");
                var resend = document.getElementById("vigil-otp-resend");
                var left = parseInt(note.getAttribute("data-seconds"), 10);
                if (!(left > 0)) { return; }
                var timer = setInterval(function () {
                    left -= 1;
                    if (left <= 0) { clearInterval(timer); note.hidden = true; resend.disabled = false; }
                }, 1000);
            })();
        </script>
    </#if>
</@layout.registrationLayout>
