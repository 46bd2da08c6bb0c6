package io.policybot.announcements;

import java.util.List;
import java.util.Optional;

/** Acknowledgements ("I have read it"): one per person and policy version. */
public interface AcknowledgementRepository {
    /** Records it; false when this person already acknowledged this version (nothing changes then). */
    boolean record(Acknowledgement a);

    Optional<Acknowledgement> find(String personId, String policyId, String version);

    int count(String policyId, String version);

    /** Every acknowledgement of this person, of any policy and version, newest first: the evidence on their record. */
    List<Acknowledgement> ofPerson(String personId);
}
