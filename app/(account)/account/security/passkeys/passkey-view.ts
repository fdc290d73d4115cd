import { formatDateTime } from "@/lib/view/format";
import type { PasskeyUsage } from "@/lib/security/config";

/** What the list shows of a passkey: display strings only (no key material reaches the browser). */
export interface PasskeyView {
  id: string;
  name: string;
  usage: PasskeyUsage;
  createdAt: string;
  lastUsedAt: string | null;
  transports: string;
  synced: boolean;
  deviceType: string;
}

/** The page's words for what the list describes (account.passkeys), read once by the page. */
export interface PasskeyViewWords {
  locale: string;
  thisDevice: string;
  phone: string;
  smartCard: string;
  unknown: string;
  syncable: string;
  singleDevice: string;
}

/** USB, NFC and Bluetooth are names, the same in every language. */
function transportLabel(transport: string, words: PasskeyViewWords): string {
  const labels: Record<string, string> = {
    internal: words.thisDevice,
    hybrid: words.phone,
    usb: "USB",
    nfc: "NFC",
    ble: "Bluetooth",
    "smart-card": words.smartCard,
    cable: words.phone,
  };
  return labels[transport] ?? transport;
}

export function toPasskeyView(
  p: {
    id: string;
    name: string;
    usage: string;
    createdAt: Date;
    lastUsedAt: Date | null;
    transports: string[];
    backedUp: boolean;
    deviceType: string;
  },
  words: PasskeyViewWords,
): PasskeyView {
  const transports = [...new Set(p.transports.map((t) => transportLabel(t, words)))];
  return {
    id: p.id,
    name: p.name,
    usage: p.usage === "first" ? "first" : "secondary",
    createdAt: formatDateTime(p.createdAt, undefined, words.locale),
    lastUsedAt: p.lastUsedAt ? formatDateTime(p.lastUsedAt, undefined, words.locale) : null,
    transports: transports.length ? transports.join(", ") : words.unknown,
    synced: p.backedUp,
    // multiDevice credentials can be synced (e.g. iCloud Keychain, Google Password Manager).
    deviceType: p.deviceType === "multiDevice" ? words.syncable : words.singleDevice,
  };
}
