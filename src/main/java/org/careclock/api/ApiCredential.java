package org.careclock.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/**
 * The generated API key and secret (one row), used when none are configured. A new row is
 * always inserted, never merged, so two nodes starting at once cannot overwrite each other.
 */
@Entity
@Table(name = "api_credentials")
class ApiCredential implements Persistable<Integer> {

    static final int SINGLE_ROW = 1;

    @Id
    private Integer id;

    @Column(name = "api_key", nullable = false)
    private String apiKey;

    @Column(name = "api_secret", nullable = false)
    private String apiSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Transient
    private boolean fresh;

    protected ApiCredential() {
    }

    ApiCredential(String apiKey, String apiSecret, Instant createdAt) {
        this.id = SINGLE_ROW;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.createdAt = createdAt;
        this.fresh = true;
    }

    @Override
    public Integer getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    String apiKey() {
        return apiKey;
    }

    String apiSecret() {
        return apiSecret;
    }

    Instant createdAt() {
        return createdAt;
    }
}
