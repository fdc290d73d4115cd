// Threat: the sessions list names a stranger's phone as a desktop (or every device alike), or shows
// a raw "::1" that a person cannot read, so they cannot tell which sign-in to end.
import { describe, expect, it } from "vitest";
import { describeDevice } from "@/lib/security/core/user-agent";
import { describeIp } from "@/lib/view/network";

describe("describeDevice", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 on Windows 10", "desktop"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari 17 on iOS 17",
      "mobile",
    ],
    [
      "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari 17 on iOS 17",
      "tablet",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Chrome 131 on Android 14",
      "mobile",
    ],
    ["curl/8.5.0", "Unknown device", "unknown"],
  ])("%s", (userAgent, name, type) => {
    expect(describeDevice(userAgent)).toEqual({ name, type });
  });

  it("says so when there is no user agent", () => {
    expect(describeDevice(null)).toEqual({ name: "Unknown device", type: "unknown" });
  });
});

describe("describeIp", () => {
  it.each([
    ["::1", "this computer (local)"],
    ["127.0.0.1", "this computer (local)"],
    ["::ffff:127.0.0.1", "this computer (local)"],
    ["192.168.1.20", "local network (192.168.1.20)"],
    ["10.0.0.5", "local network (10.0.0.5)"],
    ["172.20.1.1", "local network (172.20.1.1)"],
    ["fd12:3456::1", "local network (fd12:3456::1)"],
    ["172.32.0.1", "172.32.0.1"],
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8::1", "2001:db8::1"],
    [null, "unknown network"],
  ])("%s → %s", (ip, words) => {
    expect(describeIp(ip)).toBe(words);
  });
});

describe("describeIp in another language", () => {
  it("uses the page's words and keeps the address as it is", () => {
    const words = { unknown: "unbekanntes Netzwerk", loopback: "dieser Computer (lokal)", private: "lokales Netzwerk ({ip})" };
    expect(describeIp(null, words)).toBe("unbekanntes Netzwerk");
    expect(describeIp("127.0.0.1", words)).toBe("dieser Computer (lokal)");
    expect(describeIp("10.0.0.5", words)).toBe("lokales Netzwerk (10.0.0.5)");
    expect(describeIp("203.0.113.7", words)).toBe("203.0.113.7");
  });
});
