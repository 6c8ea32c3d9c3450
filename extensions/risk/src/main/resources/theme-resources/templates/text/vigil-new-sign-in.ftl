<#ftl output_format="plainText">
${msg("vigilNewSignInBody", vigilRealmName, msg(vigilWhat), vigilWhere + (vigilDevice?has_content?then(", " + vigilDevice, "")))}
