import { forbiddenWords } from "@/app/status/status-content";
import { StatusDocument } from "@/app/status/status-document";

/** forbidden() above every group's own boundary (each group that draws the site chrome has one). */
export default async function Forbidden() {
  return <StatusDocument status={await forbiddenWords()} />;
}
