package io.chatapp.user.profile.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Convert;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import org.eclipse.jnosql.databases.mongodb.mapping.ObjectIdConverter;

/** A person who has logged in at least once, in the collection {@code users}. */
@Entity("users")
public class User {

  @Id
  @Convert(ObjectIdConverter.class)
  private String id;

  @Column private String name;

  @Column private String email;

  @Column
  @Convert(InstantDateConverter.class)
  private Instant createdAt;

  @Column
  @Convert(InstantDateConverter.class)
  private Instant updatedAt;

  /** For JNoSQL. */
  public User() {}

  public User(UserId id, String name, String email, Instant createdAt, Instant updatedAt) {
    this.id = id.value();
    this.name = name;
    this.email = email;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  public UserId id() {
    return new UserId(id);
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Takes a new display name, stamped with the time of the change. */
  public void rename(UserName newName, Instant at) {
    this.name = newName.value();
    this.updatedAt = at;
  }
}
