// `npm run api:client`: regenerates the typed client's types (client/schema.d.ts) from the
// OpenAPI document. Run it after changing a contract in lib/api/contracts/; a test fails until you do.
import { writeFileSync } from "node:fs";
import { generateClientTypes, SCHEMA_FILE } from "@/client/generate";

async function main(): Promise<void> {
  writeFileSync(SCHEMA_FILE, await generateClientTypes());
  console.log(`wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
