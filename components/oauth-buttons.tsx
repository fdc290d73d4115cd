import { buttonVariants } from "@/components/ui/button";

export interface OAuthButtonProvider {
  id: string;
  name: string;
}

/**
 * "Continue with <provider>" buttons: plain forms that POST to /login/oauth/start/<provider>
 * (they work before any JavaScript loads). `intent` says what the round trip is for.
 */
export function OAuthButtons({
  providers,
  intent,
  next,
  label,
}: {
  providers: readonly OAuthButtonProvider[];
  intent: "login" | "link" | "verify";
  next?: string;
  /** The button's words for a provider, in the page's language ("Continue with GitHub"). */
  label: (name: string) => string;
}) {
  if (!providers.length) return null;
  return (
    <div className="space-y-2">
      {providers.map((p) => (
        <form key={p.id} method="post" action={`/login/oauth/start/${p.id}`}>
          <input type="hidden" name="intent" value={intent} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <button type="submit" className={buttonVariants({ variant: "secondary", className: "w-full" })}>
            {label(p.name)}
          </button>
        </form>
      ))}
    </div>
  );
}
