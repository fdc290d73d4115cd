import { Button } from "@/components/ui/button";

/**
 * The one button of a page an emailed link opens (sign in, confirm, unlock). The link itself
 * changes nothing: mail scanners fetch links, so the change waits for this POST.
 */
export function LinkActionForm({ action, label }: { action: () => Promise<void>; label: string }) {
  return (
    <form action={action}>
      <Button type="submit" className="w-full" autoFocus>
        {label}
      </Button>
    </form>
  );
}
