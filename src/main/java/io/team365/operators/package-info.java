/**
 * Team365 operator access: a Client's admins grant Team365 staff time-boxed access with a scope and a reason; the
 * operator console shows only what a live grant allows, and every operator action is in that Client's audit trail.
 * Also the platform register of law-enforcement requests and the public list of sub-processors.
 */
package io.team365.operators;
