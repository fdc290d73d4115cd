// A software WebAuthn authenticator for integration tests: real ES256 key pairs, real CBOR
// attestation objects and real signatures, so the server's @simplewebauthn verification runs
// unmodified. It behaves like a browser + platform authenticator by default (honours
// excludeCredentials/allowCredentials, returns the user handle of discoverable credentials) and
// every field an attacker controls can be tampered with through the options.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { cose, isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

// Authenticator data flags (WebAuthn §6.1).
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

/** "None" attestation carries no make or model: an all-zero AAGUID. */
const ZERO_AAGUID = new Uint8Array(16);

export interface SoftwareCredential {
  /** base64url credential ID, as the server stores it. */
  id: string;
  rpId: string;
  /** base64url user handle (options.user.id at registration). */
  userHandle: string;
  privateKey: KeyObject;
  /** COSE_Key of the public key, as put in the attested credential data. */
  cosePublicKey: Uint8Array;
  counter: number;
  discoverable: boolean;
  backupEligible: boolean;
  backedUp: boolean;
}

export interface CreateCredentialOptions {
  /** The page origin the browser reports in clientDataJSON. */
  origin: string;
  /** PIN/biometric checked (UV flag). Default true. */
  userVerified?: boolean;
  /** User present (UP flag). Default true; false is something no honest browser sends. */
  userPresent?: boolean;
  /** A resident (discoverable) key. Default: what authenticatorSelection.residentKey asks for. */
  discoverable?: boolean;
  /** Reported via clientExtensionResults.credProps.rk; default: `discoverable`. */
  reportedRk?: boolean | null;
  transports?: AuthenticatorTransport[];
  /** BE flag (a synced passkey). Default false. */
  backupEligible?: boolean;
  /** BS flag (currently backed up). Default false. */
  backedUp?: boolean;
  /** Initial signature counter in the authenticator data. Default 0. */
  counter?: number;
  /** Tampering: a fixed credential ID (e.g. one another account already registered). */
  credentialId?: string;
  /** Tampering: the RP ID whose hash goes into authData (default options.rp.id). */
  rpId?: string;
  /** Tampering: the challenge echoed in clientDataJSON (default options.challenge). */
  challenge?: string;
  /** Tampering: clientDataJSON.type (default "webauthn.create"). */
  type?: string;
  /** Create even if a credential in excludeCredentials is held (a browser would refuse). */
  ignoreExcludeCredentials?: boolean;
}

export interface GetAssertionOptions {
  origin: string;
  /** Default true. */
  userVerified?: boolean;
  /** Default true. */
  userPresent?: boolean;
  /** Use this held credential, even if allowCredentials does not list it (a hostile client). */
  credentialId?: string;
  /** Sign this counter instead of the next one, and do not advance the stored one (clone/regression). */
  counter?: number;
  /** Tampering: a userHandle to send (null: omit it). Default: the credential's, if discoverable. */
  userHandle?: string | null;
  rpId?: string;
  challenge?: string;
  type?: string;
  /** Backup state to report; default the credential's. */
  backedUp?: boolean;
}

export class SoftwareAuthenticator {
  readonly credentials = new Map<string, SoftwareCredential>();

  constructor(readonly attachment: "platform" | "cross-platform" = "platform") {}

  /** navigator.credentials.create() with "none" attestation. */
  createCredential(options: PublicKeyCredentialCreationOptionsJSON, opts: CreateCredentialOptions): RegistrationResponseJSON {
    if (!opts.ignoreExcludeCredentials) {
      const excluded = (options.excludeCredentials ?? []).find((c) => this.credentials.has(c.id));
      // The browser's InvalidStateError: this authenticator already holds a credential for the account.
      if (excluded) throw new Error(`InvalidStateError: authenticator already holds excluded credential ${excluded.id}`);
    }
    if (!options.pubKeyCredParams.some((p) => p.alg === cose.COSEALG.ES256)) throw new Error("NotSupportedError: ES256 not offered");
    const residentKey = options.authenticatorSelection?.residentKey;
    const discoverable = opts.discoverable ?? (residentKey === "required" || residentKey === "preferred");
    const backupEligible = opts.backupEligible ?? false;
    const backedUp = opts.backedUp ?? false;
    const rpId = options.rp.id ?? new URL(opts.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const id = opts.credentialId ?? isoBase64URL.fromBuffer(randomBytes(32));
    const credential: SoftwareCredential = {
      id,
      rpId,
      userHandle: options.user.id,
      privateKey,
      cosePublicKey: coseKey(publicKey),
      counter: opts.counter ?? 0,
      discoverable,
      backupEligible,
      backedUp,
    };

    const flags =
      (opts.userPresent === false ? 0 : FLAG_UP) |
      ((opts.userVerified ?? true) ? FLAG_UV : 0) |
      (backupEligible ? FLAG_BE : 0) |
      (backedUp ? FLAG_BS : 0) |
      FLAG_AT;
    const rawId = isoBase64URL.toBuffer(id);
    const idLength = new Uint8Array(2);
    new DataView(idLength.buffer).setUint16(0, rawId.length);
    const authData = concat(
      sha256(opts.rpId ?? rpId),
      Uint8Array.of(flags),
      uint32(credential.counter),
      ZERO_AAGUID,
      idLength,
      rawId,
      credential.cosePublicKey,
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, isoCBORValue>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    const clientDataJSON = clientData(opts.type ?? "webauthn.create", opts.challenge ?? options.challenge, opts.origin);
    this.credentials.set(id, credential);

    const reportedRk = opts.reportedRk === undefined ? discoverable : opts.reportedRk;
    return {
      id,
      rawId: id,
      type: "public-key",
      authenticatorAttachment: this.attachment,
      response: {
        clientDataJSON,
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        authenticatorData: isoBase64URL.fromBuffer(authData),
        transports: opts.transports ?? (this.attachment === "platform" ? ["internal", "hybrid"] : ["usb"]),
        publicKeyAlgorithm: cose.COSEALG.ES256,
        publicKey: isoBase64URL.fromBuffer(publicKey.export({ format: "der", type: "spki" })),
      },
      clientExtensionResults: options.extensions?.credProps && reportedRk !== null ? { credProps: { rk: reportedRk } } : {},
    };
  }

  /** navigator.credentials.get(): an ES256 signature over authData || SHA-256(clientDataJSON). */
  getAssertion(options: PublicKeyCredentialRequestOptionsJSON, opts: GetAssertionOptions): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(opts.origin).hostname;
    const credential = this.pick(options, rpId, opts.credentialId);
    const counter = opts.counter ?? credential.counter + 1;
    if (opts.counter === undefined) credential.counter = counter;
    const backedUp = opts.backedUp ?? credential.backedUp;
    const flags =
      (opts.userPresent === false ? 0 : FLAG_UP) |
      ((opts.userVerified ?? true) ? FLAG_UV : 0) |
      (credential.backupEligible ? FLAG_BE : 0) |
      (backedUp ? FLAG_BS : 0);
    const authData = concat(sha256(opts.rpId ?? rpId), Uint8Array.of(flags), uint32(counter));
    const clientDataJSON = clientData(opts.type ?? "webauthn.get", opts.challenge ?? options.challenge, opts.origin);
    const signature = sign("sha256", concat(authData, sha256(isoBase64URL.toBuffer(clientDataJSON))), { key: credential.privateKey, dsaEncoding: "der" });
    const userHandle = opts.userHandle === undefined ? (credential.discoverable ? credential.userHandle : undefined) : (opts.userHandle ?? undefined);
    return {
      id: credential.id,
      rawId: credential.id,
      type: "public-key",
      authenticatorAttachment: this.attachment,
      response: {
        clientDataJSON,
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(signature),
        ...(userHandle !== undefined ? { userHandle } : {}),
      },
      clientExtensionResults: {},
    };
  }

  credential(id: string): SoftwareCredential {
    const found = this.credentials.get(id);
    if (!found) throw new Error(`authenticator holds no credential ${id}`);
    return found;
  }

  private pick(options: PublicKeyCredentialRequestOptionsJSON, rpId: string, credentialId?: string): SoftwareCredential {
    if (credentialId) return this.credential(credentialId);
    const allow = options.allowCredentials ?? [];
    const candidates = allow.length
      ? allow.map((c) => this.credentials.get(c.id)).filter((c): c is SoftwareCredential => c !== undefined)
      : [...this.credentials.values()].filter((c) => c.discoverable);
    const found = candidates.find((c) => c.rpId === rpId);
    // What the browser reports when the user has nothing usable for this request.
    if (!found) throw new Error("NotAllowedError: no credential for this request");
    return found;
  }
}

type isoCBORValue = Parameters<typeof isoCBOR.encode>[0];

/** EC2 / P-256 / ES256 COSE_Key from the JWK coordinates. */
function coseKey(publicKey: KeyObject): Uint8Array<ArrayBuffer> {
  const jwk = publicKey.export({ format: "jwk" });
  if (!jwk.x || !jwk.y) throw new Error("not an EC public key");
  return isoCBOR.encode(
    new Map<number, isoCBORValue>([
      [cose.COSEKEYS.kty, cose.COSEKTY.EC2],
      [cose.COSEKEYS.alg, cose.COSEALG.ES256],
      [cose.COSEKEYS.crv, cose.COSECRV.P256],
      [cose.COSEKEYS.x, isoBase64URL.toBuffer(jwk.x)],
      [cose.COSEKEYS.y, isoBase64URL.toBuffer(jwk.y)],
    ]),
  );
}

function clientData(type: string, challenge: string, origin: string): string {
  return isoBase64URL.fromUTF8String(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

function sha256(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(data).digest());
}

function uint32(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
