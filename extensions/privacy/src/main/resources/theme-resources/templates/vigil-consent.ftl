<#-- Vigil consent gate: the current terms, accepted or refused before any device data is collected. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("vigilTermsTitle")}
    <#elseif section = "form">
        <div id="vigil-terms" class="pf-v5-c-content">
            <p id="vigil-terms-version">${msg("vigilTermsVersion", vigilTermsVersion)}</p>
            <p>${msg("vigilTermsIntro")}</p>
            <ul id="vigil-terms-purposes">
                <#list vigilPurposes as purpose>
                    <li data-purpose="${purpose}">${msg("vigilPurpose." + purpose)}</li>
                </#list>
            </ul>
            <p>${msg("vigilTermsCollected")}</p>
            <#if vigilPolicyUrl?has_content>
                <p><a id="vigil-policy-link" href="${vigilPolicyUrl}" target="_blank" rel="noopener">${msg("vigilTermsPolicyLink")}</a></p>
            </#if>
        </div>
        <form id="vigil-consent-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button name="accept" id="vigil-accept" label="vigilConsentAccept"/>
                <@buttons.button name="refuse" id="vigil-refuse" label="vigilConsentRefuse" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
