<#-- Vigil device check: one automatic round trip that sends the browser's fingerprint hash, never its attributes. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigilDeviceCheckTitle")}
    <#elseif section = "form">
        <p id="vigil-device-check-text">${msg("vigilDeviceCheckText")}</p>
        <form id="vigil-fingerprint-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <input type="hidden" name="fingerprint" value=""/>
            <noscript>
                <@buttons.actionGroup>
                    <@buttons.button name="continue" id="vigil-device-check-continue" label="vigilDeviceCheckContinue"/>
                </@buttons.actionGroup>
            </noscript>
        </form>
        <script src="${url.resourcesPath}/js/vigil-device-check.js" defer></script>
    </#if>
</@layout.registrationLayout>
