import { ForbiddenContent } from "@/app/status/status-content";

/** Inside the chrome this group's layout drew (app/status/status-content.tsx says why it is not the root's). */
export default ForbiddenContent;
