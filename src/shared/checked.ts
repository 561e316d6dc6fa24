/**
 * Text that passed its check when it entered (an app saved through `apps.save`). Only the checks in
 * src/platforms mint these, by one cast each; everything downstream takes the type as the proof and
 * does not check again.
 */
declare const checked: unique symbol;

/** An absolute https URL (http only on loopback, for the sandbox) without credentials, trimmed. */
export type ValidUrl = string & { readonly [checked]: 'url' };

/** A non-empty app secret without spaces: something WebCrypto can key an HMAC with. */
export type AppSecret = string & { readonly [checked]: 'secret' };
