package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The search of one owner's notes (never the trash's): on PostgreSQL its full-text search over the
 * notes' {@code search} column (migration V5), best match first and words in any form ("runs" finds
 * "running"); on the embedded H2 the words as typed, in any case, in the name or the text, newest
 * first. Each hit comes with a snippet of the note's text in which {@link #START} and {@link #STOP}
 * enclose each matched word and {@link #LESS_THAN} stands for "<"; the page turns it into escaped
 * HTML. No other character of the snippet is a control character: the markers are taken out of the
 * text first.
 */
public final class NoteSearch {

  /** Starts a matched word in a snippet. */
  public static final char START = '\u0001';

  /** Ends a matched word in a snippet. */
  public static final char STOP = '\u0002';

  /** Stands for "<" in a snippet (PostgreSQL's snippets would drop anything looking like a tag). */
  public static final char LESS_THAN = '\u0003';

  /** How much of the text around the first match H2's snippet shows, before and after. */
  private static final int BEFORE = 60;

  private static final int AFTER = 140;

  /** What a hit is made of: a list row's columns, and the snippet. */
  @FunctionalInterface
  public interface Hit<T> {
    T of(long id, String name, Long padId, String padName, Instant updatedAt, String snippet);
  }

  private NoteSearch() {}

  /** How many notes of {@code ownerId} match {@code words}. */
  public static long count(EntityManager em, long ownerId, String words) {
    if (Databases.isPostgresql(em)) {
      Object count =
          em.createNamedQuery(Note.COUNT_MATCHING_POSTGRESQL)
              .setParameter(1, ownerId)
              .setParameter(2, words)
              .getSingleResult();
      return ((Number) count).longValue();
    }
    return em.createNamedQuery(Note.COUNT_MATCHING_LIKE, Long.class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .setParameter("pattern", likePattern(words))
        .getSingleResult();
  }

  /** Hits {@code first} to {@code first + max - 1} of the notes of {@code ownerId} that match. */
  public static <T> List<T> page(
      EntityManager em, long ownerId, String words, int first, int max, Hit<T> hit) {
    if (Databases.isPostgresql(em)) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNamedQuery(Note.SEARCH_POSTGRESQL)
              .setParameter(1, ownerId)
              .setParameter(2, words)
              .setParameter(3, max)
              .setParameter(4, first)
              .getResultList();
      return rows.stream()
          .map(
              c ->
                  hit.of(
                      ((Number) c[0]).longValue(),
                      (String) c[1],
                      c[2] == null ? null : ((Number) c[2]).longValue(),
                      (String) c[3],
                      instant(c[4]),
                      (String) c[5]))
          .toList();
    }
    return em.createNamedQuery(Note.SEARCH_LIKE, Object[].class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .setParameter("pattern", likePattern(words))
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultStream()
        .map(
            c ->
                hit.of(
                    (Long) c[0],
                    (String) c[1],
                    (Long) c[2],
                    (String) c[3],
                    (Instant) c[4],
                    snippet((String) c[5], words)))
        .toList();
  }

  /**
   * H2's snippet: the text around the first place that holds {@code words} (in any case), each such
   * place marked; the start of the text when only the name matched.
   */
  static String snippet(String text, String words) {
    String plain = text.replaceAll("[\\u0001-\\u0003]", "");
    int at = indexOfIgnoringCase(plain, words, 0);
    int from = at < 0 ? 0 : Math.max(0, at - BEFORE);
    int to = Math.min(plain.length(), Math.max(at, 0) + words.length() + AFTER);
    StringBuilder snippet = new StringBuilder(from > 0 ? "… " : "");
    int i = from;
    for (int match = at; match >= 0 && match + words.length() <= to; ) {
      snippet.append(plain, i, match).append(START);
      snippet.append(plain, match, match + words.length()).append(STOP);
      i = match + words.length();
      match = indexOfIgnoringCase(plain, words, i);
    }
    snippet.append(plain, i, Math.max(i, to)).append(to < plain.length() ? " …" : "");
    return snippet.toString();
  }

  private static int indexOfIgnoringCase(String text, String words, int from) {
    for (int i = from; i + words.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, words, 0, words.length())) {
        return i;
      }
    }
    return -1;
  }

  /** The LIKE pattern of the words as typed, its wildcards taken literally ({@code escape '!'}). */
  private static String likePattern(String words) {
    return "%" + words.toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
  }

  /** A native query's timestamp, as the JDBC driver hands it over. */
  private static Instant instant(Object column) {
    return column instanceof OffsetDateTime t ? t.toInstant() : ((Timestamp) column).toInstant();
  }
}
