import {
  Activity,
  Fingerprint,
  KeyRound,
  Lock,
  LogIn,
  LogOut,
  Mail,
  MonitorSmartphone,
  ShieldAlert,
  ShieldCheck,
  UserCog,
  type LucideIcon,
} from "lucide-react";
import type { SecurityEventType } from "@/lib/security/core/events";

// An icon per kind of event, so a glance down the list finds the sign-ins, the warnings and the changes.
const ICONS: Partial<Record<SecurityEventType, LucideIcon>> = {
  user_authenticated: LogIn,
  new_device_sign_in: MonitorSmartphone,
  reauthenticated: ShieldCheck,
  user_unauthenticated: LogOut,
  session_revoked: LogOut,
  user_failed_authn: ShieldAlert,
  account_locked: ShieldAlert,
  user_not_registered: ShieldAlert,
  password_changed: Lock,
  password_reset: Lock,
  wan_registered: Fingerprint,
  wan_deleted: Fingerprint,
  wan_renamed: Fingerprint,
  wan_reset: Fingerprint,
  tf_profile_changed: KeyRound,
  tf_disabled: KeyRound,
  tf_reset: KeyRound,
  mf_recovery_codes_generated: KeyRound,
  mf_recovery_code_used: KeyRound,
  us_profile_changed: KeyRound,
  admin_action: UserCog,
  impersonation_started: UserCog,
  impersonation_ended: UserCog,
};

const MAIL_SENT = /_sent$/;

export function EventIcon({ type, warning }: { type: SecurityEventType; warning: boolean }) {
  const Icon = ICONS[type] ?? (MAIL_SENT.test(type) ? Mail : Activity);
  return (
    <span
      aria-hidden="true"
      className={`mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full ${warning ? "bg-warning-soft text-warning-text" : "bg-subtle text-muted"}`}
    >
      <Icon className="size-4" />
    </span>
  );
}
