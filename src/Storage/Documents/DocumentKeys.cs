namespace Reintegration.Storage.Documents;

/// <summary>
/// The document keys: the current one (id and 32 bytes), which seals every new document, and older ones kept only to
/// read what they sealed until it is re-encrypted. Key ids are short printable names ("2026-12"), stored in the clear
/// in each document's header.
/// </summary>
public sealed class DocumentKeys
{
    private readonly Dictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    public DocumentKeys(string currentId, byte[] currentKey, IEnumerable<KeyValuePair<string, byte[]>>? previous = null)
    {
        CurrentId = currentId;
        Add(currentId, currentKey);
        foreach (var (id, key) in previous ?? [])
        {
            if (id != currentId)
            {
                Add(id, key);
            }
        }
    }

    public string CurrentId { get; }

    public byte[] Current => keys[CurrentId];

    /// <summary>Current first, then the previous ones: the order a document without a key id is tried in.</summary>
    public IEnumerable<byte[]> All => [Current, .. keys.Where(k => k.Key != CurrentId).Select(k => k.Value)];

    public byte[]? Find(string id) => keys.GetValueOrDefault(id);

    private void Add(string id, byte[] key)
    {
        if (id.Length is 0 or > 64 || id.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException(
                "A document key id is 1 to 64 printable ASCII characters without spaces.", nameof(id));
        }

        keys[id] = key.Length == 32
            ? key
            : throw new ArgumentException("The document key must be 32 bytes (AES-256).", nameof(key));
    }
}
