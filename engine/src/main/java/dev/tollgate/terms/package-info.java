/**
 * The words a decision is made of, as types: effect, strategy, destination kind, obligation type, and the
 * {@link dev.tollgate.terms.Refusal} with every problem kind. Each enum constant carries its wire value, the string
 * the packs, the API and the decision log use. The lowest layer: it imports nothing of Tollgate.
 */
package dev.tollgate.terms;
