"use client";
import { Copy, Download } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fillWords } from "@/lib/i18n/fill";

/** account.recoveryCodes in the page's language; the file's title is filled, its {when} is the browser's. */
export interface CodeListWords {
  saveTitle: string;
  saveBody: string;
  listLabel: string;
  copy: string;
  copied: string;
  download: string;
  print: string;
  copiedStatus: string;
  copyFailed: string;
  fileTitle: string;
  fileGenerated: string;
}

interface CodeListProps {
  codes: string[];
  appName: string;
  words: CodeListWords;
}

type CopyStatus = "idle" | "copied" | "failed";

/** The freshly generated codes, shown once, with ways to keep them. */
export function CodeList({ codes, appName, words }: CodeListProps) {
  const [copy, setCopy] = useState<CopyStatus>("idle");
  const heading = useRef<HTMLDivElement>(null);

  // The codes replaced the button that was just pressed: bring focus (and screen readers) here.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    if (copy !== "copied") return;
    const timer = setTimeout(() => setCopy("idle"), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  async function copyAll(): Promise<void> {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  function download(): void {
    const generated = new Date().toISOString().replace("T", " ").slice(0, 16);
    const text = [words.fileTitle, fillWords(words.fileGenerated, { when: generated }), "", ...codes, ""].join("\n");
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: recoveryCodesFileName(appName) });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <div className="space-y-5">
      <div ref={heading} tabIndex={-1} className="focus:outline-none">
        <Alert tone="warning" title={words.saveTitle} testId="recovery-codes-warning">
          {words.saveBody}
        </Alert>
      </div>
      <ol
        data-testid="recovery-codes"
        aria-label={words.listLabel}
        dir="ltr"
        className="grid grid-cols-1 gap-2 rounded-lg border border-border bg-subtle p-4 min-[360px]:grid-cols-2 sm:grid-cols-3"
      >
        {codes.map((code) => (
          <li key={code} className="text-center">
            <code className="font-mono text-sm tracking-wide text-foreground tabular-nums select-all">{code}</code>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={copyAll}>
          <Copy aria-hidden="true" className="size-4" />
          {copy === "copied" ? words.copied : words.copy}
        </Button>
        <Button type="button" variant="secondary" onClick={download}>
          <Download aria-hidden="true" className="size-4" />
          {words.download}
        </Button>
        <Button type="button" variant="ghost" onClick={() => window.print()}>
          {words.print}
        </Button>
        <p role="status" className="text-sm text-muted">
          {copy === "copied" ? words.copiedStatus : copy === "failed" ? words.copyFailed : ""}
        </p>
      </div>
    </div>
  );
}

/** "Acme Cloud" → "acme-cloud-recovery-codes.txt": the product's name, as a file name any system accepts. */
function recoveryCodesFileName(appName: string): string {
  const slug = appName
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "account"}-recovery-codes.txt`;
}
