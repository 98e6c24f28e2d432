package dev.baton.runtime.boundary;

/** A handoff rejected at the boundary, as an exception: typed (bucket) and owned. */
public final class RejectedHandoffException extends RuntimeException {

    private final transient Rejection rejection;

    /** @param rejection why the handoff was rejected */
    public RejectedHandoffException(Rejection rejection) {
        super("[" + rejection.bucket() + ", owner " + rejection.owner() + "] " + rejection.message());
        this.rejection = rejection;
    }

    /** @return the rejection */
    public Rejection rejection() {
        return rejection;
    }

    /** @return the failure bucket */
    public Bucket bucket() {
        return rejection.bucket();
    }

    /** @return the owner of the failure */
    public String owner() {
        return rejection.owner();
    }
}
