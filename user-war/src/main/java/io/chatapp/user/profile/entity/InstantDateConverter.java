package io.chatapp.user.profile.entity;

import jakarta.nosql.AttributeConverter;
import java.time.Instant;
import java.util.Date;

/**
 * Stores {@link Instant}s as BSON dates. JNoSQL would otherwise write ISO strings, which are not
 * dates to MongoDB and sort wrongly once formats differ.
 */
public class InstantDateConverter implements AttributeConverter<Instant, Date> {

  @Override
  public Date convertToDatabaseColumn(Instant attribute) {
    return attribute == null ? null : Date.from(attribute);
  }

  @Override
  public Instant convertToEntityAttribute(Date dbData) {
    return dbData == null ? null : dbData.toInstant();
  }
}
