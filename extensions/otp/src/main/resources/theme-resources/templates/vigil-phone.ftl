<#-- Vigil phone enrolment: the number that will receive sign-in codes, verified by a code before it is kept. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('phone'); section>
    <#if section = "header">
        ${msg("vigilPhoneEnrolmentTitle")}
    <#elseif section = "form">
        <p class="pf-v5-c-content">${msg("vigilPhoneEnrolmentIntro")}</p>
        <#if vigilPhoneCurrent?has_content>
            <p id="vigil-phone-current" class="pf-v5-c-content">${msg("vigilPhoneCurrent", vigilPhoneCurrent)}</p>
        </#if>
        <form id="vigil-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <label for="vigil-phone" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${msg("vigilPhoneLabel")}</span></label>
                <span class="pf-v5-c-form-control ${messagesPerField.existsError('phone')?then('pf-m-error', '')}">
                    <input id="vigil-phone" name="phone" type="tel" autocomplete="tel" autofocus maxlength="40"
                           placeholder="${vigilPhoneDefaultRegion?has_content?then(msg('vigilPhonePlaceholderNational'), msg('vigilPhonePlaceholder'))}"
                           aria-invalid="${messagesPerField.existsError('phone')?c}"/>
                </span>
                <#if messagesPerField.existsError('phone')>
                    <div id="vigil-phone-error" class="pf-v5-c-helper-text" aria-live="polite">
                        <div class="pf-v5-c-helper-text__item pf-m-error">${kcSanitize(messagesPerField.get('phone'))?no_esc}</div>
                    </div>
                </#if>
            </div>
            <@buttons.actionGroup>
                <@buttons.button name="send" id="vigil-phone-submit" label="vigilPhoneSendCode"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
