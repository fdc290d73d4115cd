import { Button } from "@/components/ui/button";

/**
 * On every page while an administrator views the app as someone (decision 042), and once more
 * after that session ended (signed out, or timed out) while their own session is still kept aside.
 */
export function ImpersonationBanner({ viewing, returnAction }: { viewing: { email: string; until: string } | null; returnAction: () => Promise<void> }) {
  return (
    <div
      role="region"
      aria-label="Viewing as another account"
      data-testid="impersonation-banner"
      className="border-b border-warning-border bg-warning-strong text-warning-strong-foreground"
    >
      <div className="page-width flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-2 text-sm">
        <p>
          {viewing ? (
            <>
              You are viewing the app as <strong>{viewing.email}</strong> until {viewing.until}. Actions that need a recent sign-in are refused.
            </>
          ) : (
            "Your view as another account has ended."
          )}
        </p>
        <form action={returnAction}>
          <Button type="submit" size="sm" variant="secondary">
            Return to my account
          </Button>
        </form>
      </div>
    </div>
  );
}
