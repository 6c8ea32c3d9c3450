// Vigil device check: hashes a few coarse browser attributes (SHA-256, base64url) and sends only the hash.
// On the device-check page it posts the hash at once; on the login page, where the server includes this script only
// for a browser that shows it belongs to a consenting user, it adds the hash to the password form, sparing the
// device-check round trip. Without the hash the server falls back to the device-check page.
(function () {
    'use strict';
    // Once per page, should a page ever include the script twice: the device-check form must be posted once.
    if (window.vigilDeviceCheck) {
        return;
    }
    window.vigilDeviceCheck = true;

    function base64url(buffer) {
        var bytes = new Uint8Array(buffer), text = '';
        for (var i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    // Calls back with the hash, or with '' when the browser cannot compute it.
    function fingerprint(callback) {
        try {
            var attributes = JSON.stringify({
                screen: [screen.width, screen.height, screen.colorDepth],
                timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || '',
                platform: navigator.platform || '',
                languages: (navigator.languages || [navigator.language]).join(','),
                touch: navigator.maxTouchPoints || 0
            });
            if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) {
                callback('');
                return;
            }
            window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(attributes))
                .then(function (digest) { callback(base64url(digest)); }, function () { callback(''); });
        } catch (e) {
            callback('');
        }
    }

    function start() {
        var deviceCheck = document.getElementById('vigil-fingerprint-form');
        if (deviceCheck) {
            fingerprint(function (value) {
                deviceCheck.elements.fingerprint.value = value;
                deviceCheck.submit();
            });
            return;
        }
        var login = document.getElementById('kc-form-login');
        if (login) {
            fingerprint(function (value) {
                if (value) {
                    var field = document.createElement('input');
                    field.type = 'hidden';
                    field.name = 'vigil-fingerprint';
                    field.value = value;
                    login.appendChild(field);
                }
            });
        }
    }

    // On the login page the script runs from the page's head, before the form exists.
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
