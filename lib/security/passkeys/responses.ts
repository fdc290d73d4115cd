import "server-only";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

/**
 * Shapes of what the browser sends back from navigator.credentials.create()/get(), checked
 * before any of it reaches the verifier: wrong types, huge blobs or junk are an API error, not a 500.
 */
const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);
const TRANSPORTS = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;

const common = {
  id: b64url(1400),
  rawId: b64url(1400),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z
    .object({ credProps: z.object({ rk: z.boolean().optional() }).optional() })
    .catch({})
    .default({}),
  type: z.literal("public-key"),
};

const registrationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url(8192),
    // Attestation can carry certificate chains; 64 KiB is far above any real authenticator's.
    attestationObject: b64url(65_536),
    authenticatorData: b64url(16_384).optional(),
    transports: z
      .array(z.string().max(32))
      .max(10)
      .optional()
      .transform((list) => list?.filter((t) => (TRANSPORTS as readonly string[]).includes(t))),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(16_384).optional(),
  }),
});

const authenticationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url(8192),
    authenticatorData: b64url(16_384),
    signature: b64url(2048),
    userHandle: b64url(256).optional(),
  }),
});

export function parseRegistrationResponse(input: unknown): RegistrationResponseJSON | null {
  const parsed = registrationResponse.safeParse(typeof input === "string" ? safeJson(input) : input);
  return parsed.success ? (parsed.data as RegistrationResponseJSON) : null;
}

export function parseAuthenticationResponse(input: unknown): AuthenticationResponseJSON | null {
  const parsed = authenticationResponse.safeParse(typeof input === "string" ? safeJson(input) : input);
  return parsed.success ? (parsed.data as AuthenticationResponseJSON) : null;
}

function safeJson(text: string): unknown {
  if (text.length > 100_000) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
