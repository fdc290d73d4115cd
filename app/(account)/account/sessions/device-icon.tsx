import { Monitor, MonitorSmartphone, Smartphone, Tablet, Tv } from "lucide-react";
import type { DeviceType } from "@/lib/security/core/user-agent";

const ICONS = { desktop: Monitor, mobile: Smartphone, tablet: Tablet, tv: Tv, unknown: MonitorSmartphone } as const;

/** The kind of device as the user agent says (bowser), drawn on the server: no client bytes. */
export function DeviceIcon({ type }: { type: DeviceType }) {
  const Icon = ICONS[type];
  return (
    <span aria-hidden="true" className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-lg bg-subtle text-muted" data-device-type={type}>
      <Icon className="size-5" />
    </span>
  );
}
