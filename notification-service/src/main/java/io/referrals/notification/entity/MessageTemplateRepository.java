package io.referrals.notification.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class MessageTemplateRepository implements PanacheRepositoryBase<MessageTemplate, MessageTemplate.Key> {

    public Optional<MessageTemplate> find(String tenantId, NotificationKind kind) {
        return Optional.ofNullable(findById(new MessageTemplate.Key(tenantId, kind)));
    }
}
