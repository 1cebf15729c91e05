package org.careclock.call;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface CallRepository extends JpaRepository<Call, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Call c where c.cid = :cid")
    Optional<Call> findForUpdate(@Param("cid") String cid);

    @Query("select distinct c from Call c join c.members m where m = :userId")
    List<Call> findByMember(@Param("userId") String userId);

    List<Call> findByState(CallState state);

    List<Call> findByType(String type);

    /** The one guarded state change that ends a session: true for exactly one caller. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Call c set c.state = org.careclock.call.CallState.ENDED, c.endReason = :reason, c.endedAt = :at,
                   c.emptySince = null, c.version = c.version + 1
            where c.cid = :cid and c.state = org.careclock.call.CallState.IN_PROGRESS and c.sessionStartedAt = :startedAt
            """)
    int endIfRunning(@Param("cid") String cid, @Param("startedAt") Instant startedAt,
                     @Param("reason") EndReason reason, @Param("at") Instant at);
}
