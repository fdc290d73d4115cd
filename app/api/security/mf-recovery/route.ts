import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { mfRecoveryPost } from "@/lib/api/contracts/recovery-codes";
import { recover } from "@/lib/api/endpoints/two-factor";

export const POST = apiRoute(mfRecoveryPost, recover);
// Gatehouse has no JSON form to describe: POST the code.
export const GET = methodNotAllowed("POST");
