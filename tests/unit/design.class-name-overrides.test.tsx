// Threat: a starter user passes className to a kit component and their class silently loses to the
// component's own (Tailwind orders utilities by its own sort, not by the class attribute). Server
// components merge with cn(); browser-shipped ones change through variants (decision 059).
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { buttonVariants } from "@/components/ui/button";
import { badgeVariants } from "@/components/ui/badge";

it("cn(): a later class of the same property wins, other properties stay", () => {
  expect(cn("px-4 py-2 bg-primary", "px-2 bg-danger")).toBe("py-2 px-2 bg-danger");
  // Token colors are colors, not font sizes: text-sm survives a text color override.
  expect(cn("text-sm text-muted", "text-foreground")).toBe("text-sm text-foreground");
  expect(cn("border-border", false, undefined, "border-danger-border")).toBe("border-danger-border");
});

it("a Card's className overrides its own surface and padding", () => {
  const html = renderToStaticMarkup(
    <Card className="bg-subtle rounded-none">
      <CardBody className="px-0">x</CardBody>
    </Card>,
  );
  expect(html).toContain("bg-subtle");
  expect(html).not.toContain("bg-surface");
  expect(html).not.toContain("rounded-xl");
  expect(html).not.toMatch(/px-5/);
  expect(renderToStaticMarkup(<Card tone="danger" />)).toContain("border-danger-border");
});

it("variants pick one color each: a danger button has no primary fill, a badge one tone", () => {
  const danger = buttonVariants({ variant: "danger", size: "sm" });
  expect(danger).toContain("bg-danger");
  expect(danger).not.toContain("bg-primary");
  expect(danger).toContain("h-8");
  expect(buttonVariants()).toContain("bg-primary");
  expect(badgeVariants({ tone: "success" })).not.toContain("bg-subtle");
});
