namespace Archive.Api.Http;

/// <summary>
/// A body over <see cref="ApiHosting.MaxBody"/> answers 413 however it is sent. A declared length is refused before
/// anything is read; a body without one (chunked) is counted as it is read and cut off at the limit, and the request
/// then answers 413 whatever the endpoint's body reader made of the cut (it would otherwise be a 400 or worse).
/// </summary>
public static class BodyLimit
{
    private const string ExceededKey = "archive.body-limit-exceeded";

    /// <summary>True when this request's body was cut off at the limit.</summary>
    public static bool Exceeded(HttpContext http) => http.Items.ContainsKey(ExceededKey);

    public static WebApplication UseBodyLimit(this WebApplication app, long maxBytes)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > maxBytes)
            {
                await Problems.TooLarge(maxBytes).ExecuteAsync(http);
                return;
            }
            if (http.Request.ContentLength is null) http.Request.Body = new CountedBody(http.Request.Body, maxBytes, () => http.Items[ExceededKey] = true);
            try
            {
                await next(http);
            }
            catch (Exception) when (Exceeded(http) && !http.Response.HasStarted)
            {
                // answered below: the cut-off body is why whatever read it failed
            }
            if (Exceeded(http) && !http.Response.HasStarted)
            {
                http.Response.Clear();
                await Problems.TooLarge(maxBytes).ExecuteAsync(http);
            }
        });
        return app;
    }

    /// <summary>Reads through to the request body and throws once more than the limit has come through.</summary>
    private sealed class CountedBody(Stream inner, long limit, Action exceeded) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(() => inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Counted(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                exceeded(); // the server's own limit (Kestrel's) caught it first
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(Func<int> read) => Counted(read());

        private int Counted(int read)
        {
            _read += read;
            if (_read <= limit) return read;
            exceeded();
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
