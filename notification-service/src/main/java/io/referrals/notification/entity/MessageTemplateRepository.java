package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MessageTemplateRepository implements PanacheRepositoryBase<MessageTemplate, MessageTemplate.Key> {

    /** The practice's own templates, of every kind it has one of. */
    public List<MessageTemplate> ofPractice(String tenantId) {
        return list("key.tenantId", tenantId);
    }

    public Optional<MessageTemplate> find(String tenantId, NotificationKind kind) {
        return Optional.ofNullable(findById(new MessageTemplate.Key(tenantId, kind)));
    }
}
