import type { SecurityEventType } from "@/lib/security/core/events";
import { AUTHN_METHOD_LABELS, describeAuthnVia } from "./labels";
import { dayKey, dayLabel } from "./time";

/**
 * The activity page's model: which events a filter shows, how they fall into days in the viewer's
 * time zone, and which repeat into one line ("3 failed sign-in attempts"). Pure, so the unit tests
 * hold the page's rules without a database.
 */

export const ACTIVITY_FILTERS = {
  all: { key: "all", label: "All", types: null },
  "sign-ins": {
    key: "signIns",
    label: "Sign-ins",
    types: [
      "user_authenticated",
      "new_device_sign_in",
      "user_unauthenticated",
      "reauthenticated",
      "session_revoked",
      "mf_recovery_code_used",
      "refresh_tracker_revoked",
      "impersonation_started",
      "impersonation_ended",
    ],
  },
  failed: { key: "failed", label: "Failed attempts", types: ["user_failed_authn", "account_locked", "user_not_registered"] },
  security: {
    key: "security",
    label: "Security changes",
    types: [
      "password_changed",
      "password_reset",
      "tf_profile_changed",
      "tf_disabled",
      "tf_reset",
      "mf_recovery_codes_generated",
      "wan_registered",
      "wan_deleted",
      "wan_renamed",
      "wan_reset",
      "us_profile_changed",
      "change_email_confirmed",
      "change_email_cancelled",
      "username_changed",
      "access_reset",
      "token_uniquifier_changed",
      "oauth_linked",
      "oauth_unlinked",
      "account_unlocked",
      "user_activated",
      "user_deactivated",
    ],
  },
} as const satisfies Record<string, { key: "all" | "signIns" | "failed" | "security"; label: string; types: readonly SecurityEventType[] | null }>;

export type ActivityFilter = keyof typeof ACTIVITY_FILTERS;

/** The filter a `?kind=` asks for; anything else (absent, junk, an array) is every event. */
export function activityFilterFrom(value: unknown): ActivityFilter {
  return typeof value === "string" && Object.hasOwn(ACTIVITY_FILTERS, value) ? (value as ActivityFilter) : "all";
}

/** How a sign-in was proven, after "with": "a passkey", "password + authenticator app"; "" when unknown. */
export function signInMethodPhrase(
  data: Record<string, unknown>,
  words: { via: Readonly<Record<string, string>>; yourPassword: string; english: boolean } = {
    via: AUTHN_METHOD_LABELS,
    yourPassword: "your password",
    english: true,
  },
): string {
  const via = Array.isArray(data.authnVia) ? data.authnVia.filter((m): m is string => typeof m === "string") : [];
  // A passkey's PIN or biometric is part of using the passkey, not a second thing the user did.
  const shown = via.filter((m) => m !== "user-verification");
  const phrase = describeAuthnVia(shown, words.via);
  if (!phrase || phrase.includes(" + ")) return phrase;
  // One method reads as a thing: "with your password", "with a passkey", "with an authenticator app".
  if (shown[0] === "password") return words.yourPassword;
  // Other languages name the method without an article ("mit Passkey", "avec clé d’accès").
  if (!words.english) return phrase;
  return `${"aeiou".includes(phrase[0]!) ? "an" : "a"} ${phrase}`;
}

export interface ActivityEvent {
  id: number;
  type: SecurityEventType;
  at: Date;
  ip: string | null;
  userAgent: string | null;
  data: Record<string, unknown>;
  actorEmail: string | null;
}

/** One line of the page: an event, or a run of failed attempts told as one (newest first within). */
export interface ActivityItem<E extends ActivityEvent = ActivityEvent> {
  event: E;
  /** How many events the line stands for (1, or the run's length). */
  count: number;
  /** The run's oldest event's time (the same as event.at for a single event). */
  since: Date;
}

export interface ActivityDay<E extends ActivityEvent = ActivityEvent> {
  key: string;
  label: string;
  items: ActivityItem<E>[];
}

// Attempts that repeat are one story ("someone kept guessing"); a success between them ends the run.
const REPEATING: ReadonlySet<SecurityEventType> = new Set(["user_failed_authn"]);

/** Events (newest first) by calendar day in `zone`, with consecutive failed attempts of a day as one item. */
export function groupActivity<E extends ActivityEvent>(events: readonly E[], zone: string, now: Date, locale = "en"): ActivityDay<E>[] {
  const days: ActivityDay<E>[] = [];
  for (const event of events) {
    const key = dayKey(event.at, zone);
    let day = days.at(-1);
    if (!day || day.key !== key) {
      day = { key, label: dayLabel(key, now, zone, locale), items: [] };
      days.push(day);
    }
    const previous = day.items.at(-1);
    if (previous && REPEATING.has(event.type) && previous.event.type === event.type) {
      previous.count += 1;
      previous.since = event.at;
    } else {
      day.items.push({ event, count: 1, since: event.at });
    }
  }
  return days;
}

/** The line's title: the event's label, or "3 failed sign-in attempts" for a run (`run` words it in the page's language). */
export function itemTitle(
  item: ActivityItem,
  labels: Readonly<Record<SecurityEventType, string>>,
  run: (count: number) => string = (count) => `${count} failed sign-in attempts`,
): string {
  if (item.count > 1 && item.event.type === "user_failed_authn") return run(item.count);
  return labels[item.event.type] ?? item.event.type;
}
