package dev.vigil.privacy.rest;

/** Who may read or change a data subject's Vigil data in this request; throws when they may not. */
interface SubjectAccess {

    void requireRead();

    void requireWrite();
}
