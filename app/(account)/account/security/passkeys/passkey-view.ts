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

const TRANSPORT_LABELS: Record<string, string> = {
  internal: "this device",
  hybrid: "phone",
  usb: "USB",
  nfc: "NFC",
  ble: "Bluetooth",
  "smart-card": "smart card",
  cable: "phone",
};

export function toPasskeyView(p: {
  id: string;
  name: string;
  usage: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  transports: string[];
  backedUp: boolean;
  deviceType: string;
}): PasskeyView {
  const transports = [...new Set(p.transports.map((t) => TRANSPORT_LABELS[t] ?? t))];
  return {
    id: p.id,
    name: p.name,
    usage: p.usage === "first" ? "first" : "secondary",
    createdAt: formatDateTime(p.createdAt),
    lastUsedAt: p.lastUsedAt ? formatDateTime(p.lastUsedAt) : null,
    transports: transports.length ? transports.join(", ") : "unknown",
    synced: p.backedUp,
    // multiDevice credentials can be synced (e.g. iCloud Keychain, Google Password Manager).
    deviceType: p.deviceType === "multiDevice" ? "Syncable" : "Single device",
  };
}
