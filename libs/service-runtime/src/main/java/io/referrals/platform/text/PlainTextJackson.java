package io.referrals.platform.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Puts {@link PlainTextDeserializer} in front of every string the service's JSON mapper reads. */
@Singleton
public class PlainTextJackson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(
                new SimpleModule("plain-text").addDeserializer(String.class, new PlainTextDeserializer()));
    }
}
