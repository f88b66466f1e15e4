/**
 * The interview's meeting link: the organisation's own when one was given, else a room of its
 * own under the configured video service (a Jitsi Meet server by default, no accounts needed).
 */
export const videoLink = (interview: { id: string; videoUrl: string | null }, roomBaseUrl: string) =>
  interview.videoUrl ?? `${roomBaseUrl}${interview.id}`;
