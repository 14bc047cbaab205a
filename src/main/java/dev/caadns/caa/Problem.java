package dev.caadns.caa;

/** A finding before it is placed in a file: which check, what is wrong, how to fix it. */
record Problem(CaaCode code, String message, String hint) {
}
