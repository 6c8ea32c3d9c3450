package dev.vigil.bench.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Browsers and platforms as they appear to a server in 2026: user-agent strings as today's browsers send them
 * (Chrome's reduced UA freezes the OS version and Android device model; Safari on iOS reports a frozen OS version),
 * release cadences that move the major version every few weeks, and the coarse attributes a client-side
 * fingerprint hashes (screen, colour depth, time zone, platform, languages, touch), which collide between
 * people with common set-ups.
 */
public final class Devices {

    /** When the version numbers below were current. */
    static final Instant EPOCH = Instant.parse("2026-01-13T00:00:00Z");

    public enum Browser {
        CHROME("Chrome", 143, 28), EDGE("Edge", 143, 28), FIREFOX("Firefox", 146, 28), SAFARI("Safari", 26, 60),
        SAMSUNG("Samsung Internet", 29, 60);

        final String label;
        final int epochVersion;
        final int releaseDays;

        Browser(String label, int epochVersion, int releaseDays) {
            this.label = label;
            this.epochVersion = epochVersion;
            this.releaseDays = releaseDays;
        }

        /** The newest major version (Safari: minor) released at that instant. */
        int versionAt(Instant at) {
            long days = Duration.between(EPOCH, at).toDays();
            return epochVersion + (int) Math.floorDiv(days, releaseDays);
        }
    }

    /** A browser on a platform, with its market weight among users. */
    public enum Profile {
        WINDOWS_CHROME(Browser.CHROME, "Windows 10", "desktop", "Win32", 30),
        WINDOWS_EDGE(Browser.EDGE, "Windows 10", "desktop", "Win32", 10),
        WINDOWS_FIREFOX(Browser.FIREFOX, "Windows 10", "desktop", "Win32", 5),
        MAC_CHROME(Browser.CHROME, "Mac OS X 10", "desktop", "MacIntel", 8),
        MAC_SAFARI(Browser.SAFARI, "Mac OS X 10", "desktop", "MacIntel", 7),
        MAC_FIREFOX(Browser.FIREFOX, "Mac OS X 10", "desktop", "MacIntel", 1),
        LINUX_FIREFOX(Browser.FIREFOX, "Linux", "desktop", "Linux x86_64", 2),
        LINUX_CHROME(Browser.CHROME, "Linux", "desktop", "Linux x86_64", 1),
        ANDROID_CHROME(Browser.CHROME, "Android 10", "mobile", "Linux armv81", 20),
        ANDROID_SAMSUNG(Browser.SAMSUNG, "Android 10", "mobile", "Linux armv81", 4),
        ANDROID_FIREFOX(Browser.FIREFOX, "Android 15", "mobile", "Linux armv81", 1),
        IPHONE_SAFARI(Browser.SAFARI, "iOS 18", "mobile", "iPhone", 16),
        IPHONE_CHROME(Browser.CHROME, "iOS 18", "mobile", "iPhone", 2),
        ANDROID_TABLET_CHROME(Browser.CHROME, "Android 10", "tablet", "Linux armv81", 2);

        final Browser browser;
        final String os;
        final String deviceType;
        final String platform;
        final double weight;

        Profile(Browser browser, String os, String deviceType, String platform, double weight) {
            this.browser = browser;
            this.os = os;
            this.deviceType = deviceType;
            this.platform = platform;
            this.weight = weight;
        }

        boolean mobile() {
            return !deviceType.equals("desktop");
        }

        /** The user agent this profile sends at this browser version. */
        String userAgent(int version) {
            return switch (this) {
                case WINDOWS_CHROME -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/" + version + ".0.0.0 Safari/537.36";
                case WINDOWS_EDGE -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/" + version + ".0.0.0 Safari/537.36 Edg/" + version + ".0.0.0";
                case WINDOWS_FIREFOX -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + version + ".0) Gecko/20100101 "
                        + "Firefox/" + version + ".0";
                case MAC_CHROME -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/" + version + ".0.0.0 Safari/537.36";
                case MAC_SAFARI -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "Version/" + safari(version) + " Safari/605.1.15";
                case MAC_FIREFOX -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:" + version + ".0) Gecko/20100101 "
                        + "Firefox/" + version + ".0";
                case LINUX_FIREFOX -> "Mozilla/5.0 (X11; Linux x86_64; rv:" + version + ".0) Gecko/20100101 Firefox/"
                        + version + ".0";
                case LINUX_CHROME -> "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                        + version + ".0.0.0 Safari/537.36";
                case ANDROID_CHROME -> "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                        + version + ".0.0.0 Mobile Safari/537.36";
                case ANDROID_SAMSUNG -> "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "SamsungBrowser/" + version + ".0 Chrome/130.0.0.0 Mobile Safari/537.36";
                case ANDROID_FIREFOX -> "Mozilla/5.0 (Android 15; Mobile; rv:" + version + ".0) Gecko/" + version
                        + ".0 Firefox/" + version + ".0";
                case IPHONE_SAFARI -> "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/" + safari(version) + " Mobile/15E148 Safari/604.1";
                case IPHONE_CHROME -> "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) CriOS/" + version + ".0.0.0 Mobile/15E148 Safari/604.1";
                case ANDROID_TABLET_CHROME -> "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/" + version + ".0.0.0 Safari/537.36";
            };
        }

        /** Browser family and major version as a UA parser reports it, e.g. "Chrome 143". */
        String browserLabel(int version) {
            return browser.label + " " + (browser == Browser.SAFARI ? "26" : Integer.toString(version));
        }

        /** Safari's "version" here counts minor releases of Safari 26. */
        private static String safari(int minor) {
            return "26." + (minor - Browser.SAFARI.epochVersion);
        }
    }

    private static final List<String> DESKTOP_SCREENS = List.of("1920x1080", "1920x1080", "1920x1080", "1366x768",
            "1536x864", "2560x1440", "1440x900", "1280x720", "1600x900", "3840x2160");
    private static final List<String> MAC_SCREENS = List.of("1512x982", "1470x956", "1728x1117", "1440x900",
            "2560x1440");
    private static final List<String> PHONE_SCREENS = List.of("390x844", "393x852", "430x932", "412x915", "360x800",
            "393x873", "384x854", "412x892");
    private static final List<String> TABLET_SCREENS = List.of("800x1280", "1280x800", "962x601");

    private Devices() {
    }

    /** A profile drawn by market weight, or among those of one device type and browser. */
    static Profile pickProfile(Random random) {
        return Geography.pick(List.of(Profile.values()), profile -> profile.weight, random);
    }

    static Profile pickProfile(Random random, Browser browser, String deviceType) {
        List<Profile> matching = List.of(Profile.values()).stream()
                .filter(p -> p.browser == browser && p.deviceType.equals(deviceType)).toList();
        return matching.isEmpty() ? pickProfile(random) : Geography.pick(matching, profile -> profile.weight, random);
    }

    static String pickScreen(Profile profile, Random random) {
        if (profile.deviceType.equals("tablet")) {
            return Geography.any(TABLET_SCREENS, random);
        }
        if (profile.mobile()) {
            return Geography.any(PHONE_SCREENS, random);
        }
        return Geography.any(profile.platform.equals("MacIntel") ? MAC_SCREENS : DESKTOP_SCREENS, random);
    }

    /** The client-side fingerprint: a hash of coarse attributes, as the Vigil theme's script computes it. */
    static String fingerprint(Profile profile, String screen, String zone, String languages) {
        String colourDepth = profile.platform.equals("MacIntel") ? "30" : "24";
        String touch = profile.mobile() ? "touch" : "no-touch";
        String attributes = String.join("|", screen, colourDepth, zone, profile.platform, languages, touch);
        return Long.toHexString(hash64(attributes));
    }

    /** FNV-1a, 64 bits: the benchmark only needs equal inputs to give equal values. */
    private static long hash64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
