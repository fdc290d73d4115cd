import { redirect } from "next/navigation";
import { requireUser } from "@/lib/security/sessions/guards";

export default async function AdminIndex(): Promise<never> {
  await requireUser();
  redirect("/admin/users");
}
