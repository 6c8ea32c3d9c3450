<#-- Vigil: a sign-in from a new device or country. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${kcSanitize(msg("vigilNewSignInBody", vigilRealmName, msg(vigilWhat), vigilWhere + (vigilDevice?has_content?then(", " + vigilDevice, ""))))?no_esc}</p>
</@layout.emailLayout>
